package vn.gems.indicators.service;

import vn.gems.indicators.UnitLevel;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administrative hierarchy with its history, in memory: dated parent links, dated names, and which units
 * were merged into which. Answers the two questions roll-ups ask:
 * <ul>
 *   <li>{@link #territory}: which units' values belong to a unit's territory as of a date — its descendants on
 *       that date plus, transitively, every unit merged into one of them by then (with that unit's children on
 *       its last day), so today's Quảng Ngãi includes Kon Tum and the abolished Sơn Tịnh district;</li>
 *   <li>{@link #covering}: of the units that reported, which to add without counting anything twice — a value
 *       reported for a unit covers its descendants as they were during the period.</li>
 * </ul>
 * Splits do not carry values forward (no weights to apportion them); renames keep the code, so nothing moves.
 */
public final class Hierarchy {

    /** A dated link to another unit (parent, child, predecessor or successor). */
    public record Link(int unit, LocalDate from, LocalDate to) {
        boolean covers(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }

    public record Name(String nameVi, String nameEn, LocalDate from, LocalDate to) {
        boolean covers(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }

    public static final class Node {
        public final int id;
        public final String code;
        public final UnitLevel level;
        public final LocalDate from;
        public final LocalDate to;
        public final long version;
        final List<Link> parents = new ArrayList<>();
        final List<Link> children = new ArrayList<>();
        /** Units merged into this one; {@code from} is the merge's effective date. */
        final List<Link> predecessors = new ArrayList<>();
        /** Units this one's territory went to (merge or split). */
        final List<Link> successors = new ArrayList<>();
        final List<Name> names = new ArrayList<>();

        Node(int id, String code, UnitLevel level, LocalDate from, LocalDate to, long version) {
            this.id = id;
            this.code = code;
            this.level = level;
            this.from = from;
            this.to = to;
            this.version = version;
        }

        public List<Link> parents() {
            return parents.stream().sorted(Comparator.comparing(Link::from)).toList();
        }

        public List<Name> names() {
            return names.stream().sorted(Comparator.comparing(Name::from)).toList();
        }

        public boolean validOn(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }

        /** {@code day} moved inside the unit's life (its first or last day when outside). */
        public LocalDate clamp(LocalDate day) {
            if (day.isBefore(from)) {
                return from;
            }
            return to != null && day.isAfter(to) ? to : day;
        }

        public Optional<Name> nameOn(LocalDate day) {
            Name last = null;
            for (Name n : names) {
                if (n.covers(day)) {
                    return Optional.of(n);
                }
                if (last == null || n.from.isAfter(last.from)) {
                    last = n;
                }
            }
            return Optional.ofNullable(last);
        }
    }

    private final Map<String, Node> byCode = new HashMap<>();
    private final Map<Integer, Node> byId = new HashMap<>();

    Node add(int id, String code, UnitLevel level, LocalDate from, LocalDate to, long version) {
        Node n = new Node(id, code, level, from, to, version);
        byCode.put(code, n);
        byId.put(id, n);
        return n;
    }

    void addParent(int unit, int parent, LocalDate from, LocalDate to) {
        Node u = byId.get(unit);
        Node p = byId.get(parent);
        if (u != null && p != null) {
            u.parents.add(new Link(parent, from, to));
            p.children.add(new Link(unit, from, to));
        }
    }

    void addName(int unit, String vi, String en, LocalDate from, LocalDate to) {
        Node u = byId.get(unit);
        if (u != null) {
            u.names.add(new Name(vi, en, from, to));
        }
    }

    void addMerge(int source, int target, LocalDate effective) {
        Node s = byId.get(source);
        Node t = byId.get(target);
        if (s != null && t != null && source != target) {
            t.predecessors.add(new Link(source, effective, null));
            s.successors.add(new Link(target, effective, null));
        }
    }

    void addSplit(int source, int target, LocalDate effective) {
        Node s = byId.get(source);
        if (s != null && source != target) {
            s.successors.add(new Link(target, effective, null));
        }
    }

    public Optional<Node> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Node get(int id) {
        return byId.get(id);
    }

    public Collection<Node> all() {
        return byId.values();
    }

    public Optional<Node> parentOn(Node n, LocalDate day) {
        for (Link l : n.parents) {
            if (l.covers(day)) {
                return Optional.ofNullable(byId.get(l.unit()));
            }
        }
        return Optional.empty();
    }

    public List<Node> childrenOn(Node n, LocalDate day) {
        List<Node> out = new ArrayList<>();
        for (Link l : n.children) {
            Node c = byId.get(l.unit());
            if (l.covers(day) && c != null && c.validOn(day)) {
                out.add(c);
            }
        }
        return out;
    }

    public List<Node> predecessors(Node n) {
        return n.predecessors.stream().map(l -> byId.get(l.unit())).toList();
    }

    public List<Node> successors(Node n) {
        return n.successors.stream().map(l -> byId.get(l.unit())).toList();
    }

    /** The ids of every unit whose values belong to {@code root}'s territory as of {@code asOf} (root included). */
    public BitSet territory(Node root, LocalDate asOf) {
        BitSet seen = new BitSet();
        record Visit(Node node, LocalDate day) {
        }
        Deque<Visit> todo = new ArrayDeque<>();
        todo.add(new Visit(root, asOf));
        while (!todo.isEmpty()) {
            Visit v = todo.poll();
            if (v.node() == null || seen.get(v.node().id)) {
                continue;
            }
            seen.set(v.node().id);
            for (Link l : v.node().children) {
                Node c = byId.get(l.unit());
                if (l.covers(v.day()) && c != null && c.validOn(v.day())) {
                    todo.add(new Visit(c, v.day()));
                }
            }
            for (Link l : v.node().predecessors) {
                if (!l.from().isAfter(v.day())) {
                    // A merged unit is seen on its last day, with the children it had then.
                    todo.add(new Visit(byId.get(l.unit()), l.from().minusDays(1)));
                }
            }
        }
        return seen;
    }

    /**
     * Of {@code reporting} (units with a value for the period), those to add up: a unit is left out when one of
     * its ancestors, as the hierarchy stood during the period, reported too (its figure already includes it).
     */
    public BitSet covering(BitSet reporting, LocalDate periodEnd) {
        BitSet out = new BitSet();
        for (int id = reporting.nextSetBit(0); id >= 0; id = reporting.nextSetBit(id + 1)) {
            Node n = byId.get(id);
            if (n == null) {
                continue;
            }
            LocalDate day = n.clamp(periodEnd);
            boolean covered = false;
            Node p = parentOn(n, day).orElse(null);
            for (int depth = 0; p != null && depth < 16 && !covered; depth++) {
                covered = reporting.get(p.id);
                p = parentOn(p, day).orElse(null);
            }
            if (!covered) {
                out.set(id);
            }
        }
        return out;
    }

    /** True when {@code candidate} is {@code n} or one of its descendants on {@code day} (cycle check for re-parenting). */
    public boolean isSelfOrDescendant(Node n, Node candidate, LocalDate day) {
        Node p = candidate;
        for (int depth = 0; p != null && depth < 32; depth++) {
            if (p.id == n.id) {
                return true;
            }
            p = parentOn(p, day).orElse(null);
        }
        return false;
    }
}
