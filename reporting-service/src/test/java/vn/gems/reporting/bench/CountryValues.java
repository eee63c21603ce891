package vn.gems.reporting.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills indicators-service's values table for the country benchmark with SQL ({@code generate_series}-style cross
 * joins inside PostgreSQL: 100 M rows through JDBC or the API would take most of an hour). The table keeps the
 * columns and indexes the service's migrations give it: the indexes are read from the catalogue, dropped for the
 * load and built again after it (one sort instead of 100 M index insertions), whatever migration added them.
 */
final class CountryValues {

    private CountryValues() {
    }

    /**
     * Years {@code toYear} backwards, one statement per year, every BENCH_ indicator × commune × F/M/T (T = F + M),
     * ordered as yearly pushes would lay them out; returns the rows written. The backend runs at nice 15.
     */
    static long fill(Connection c, int batch, int fromYear, int toYear) throws Exception {
        try (Statement st = c.createStatement()) {
            renice(st);
            st.execute("set synchronous_commit = off");
            st.execute("set maintenance_work_mem = '1GB'");
            List<String> rebuild = dropIndexes(st);
            long rows = 0;
            long t0 = System.nanoTime();
            for (int y = toYear; y >= fromYear; y--) {
                rows += st.executeUpdate(("""
                        insert into indicator_value (indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status, batch_id)
                        select i.id, u.id, '%d', s.sex, '', case s.sex when 'F' then v.f when 'M' then v.m else v.f + v.m end, null, null, 'F', %d
                        from indicator i cross join admin_unit u
                        cross join lateral (select 1000 + (i.id * 7919 + u.id * 104729 + %d * 131) %% 4000 as f,
                                                   1000 + (i.id * 104729 + u.id * 7919 + %d * 17) %% 4000 as m) v
                        cross join (values ('F'), ('M'), ('T')) s(sex)
                        where i.code like 'BENCH\\_%%' and u.level = 'COMMUNE'
                        order by i.id, u.id""").formatted(y, batch, y, y));
                System.out.printf(Locale.ROOT, "  values %d: %,d rows so far, %.0f s%n", y, rows, (System.nanoTime() - t0) / 1e9);
            }
            long t1 = System.nanoTime();
            for (String ddl : rebuild) {
                st.execute(ddl);
            }
            st.execute("vacuum analyze indicator_value");
            System.out.printf(Locale.ROOT, "  values: %,d rows in %.0f s, indexes rebuilt and analysed in %.0f s%n", rows,
                    (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
            return rows;
        }
    }

    /** Drops the primary key and every other index of the values table; returns the statements that restore them. */
    private static List<String> dropIndexes(Statement st) throws SQLException {
        List<String> restore = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select conname, pg_get_constraintdef(oid) from pg_constraint "
                + "where conrelid = 'indicator_value'::regclass and contype in ('p', 'u')")) {
            while (rs.next()) {
                drop.add("alter table indicator_value drop constraint " + rs.getString(1));
                restore.add("alter table indicator_value add constraint " + rs.getString(1) + " " + rs.getString(2));
            }
        }
        try (ResultSet rs = st.executeQuery("select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i "
                + "where i.indrelid = 'indicator_value'::regclass and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)")) {
            while (rs.next()) {
                drop.add("drop index " + rs.getString(1));
                restore.add(rs.getString(2));
            }
        }
        for (String ddl : drop) {
            st.execute(ddl);
        }
        return restore;
    }

    /** The load runs in the PostgreSQL backend, not in this JVM: lower that process's priority for the other engineers. */
    private static void renice(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            Process p = new ProcessBuilder("renice", "-n", "15", "-p", String.valueOf(rs.getInt(1))).redirectErrorStream(true).start();
            if (p.waitFor() != 0) {
                System.out.println("  (could not renice the PostgreSQL backend: " + new String(p.getInputStream().readAllBytes()).trim() + ")");
            }
        }
    }

    /** The one-minute load average, for every printed figure (the machine is shared). */
    static String load() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "load ?";
        }
    }
}
