package vn.gems.e2e;

import vn.gems.launcher.SuiteConfig;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct reads of the suite's databases (the per-run {@code gems_e2e_xxxx_plans}, {@code _indicators},
 * {@code _reporting} of {@link SuiteConfig}): row count and an md5 of every row of a table, to prove a refused
 * request wrote nothing.
 */
final class ServiceDb {

    /** A table of one service's database, optionally narrowed by a SQL condition on its rows. */
    record Table(String service, String name, String where) {
        static Table of(String service, String name) {
            return new Table(service, name, null);
        }

        String label() {
            return service + "." + name + (where == null ? "" : " where " + where);
        }
    }

    private ServiceDb() {
    }

    static String database(String service) {
        SuiteConfig c = E2eSuite.config();
        return switch (service) {
            case "plans" -> c.plans().database();
            case "indicators" -> c.indicators().database();
            case "reporting" -> c.reporting().database();
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** "count md5" per table, in the order given. */
    static Map<String, String> checksums(List<Table> tables) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (Table t : tables) {
            try (Connection c = E2eSuite.suite().postgres().connect(database(t.service()));
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*), coalesce(md5(string_agg(t::text, ',' order by t::text)), '-') from "
                         + t.name() + " t" + (t.where() == null ? "" : " where " + t.where()))) {
                rs.next();
                out.put(t.label(), rs.getLong(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    static long count(String service, String sql) throws Exception {
        try (Connection c = E2eSuite.suite().postgres().connect(database(service));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(String service, String sql) {
        try (Connection c = E2eSuite.suite().postgres().connect(database(service));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            return "(" + e + ")";
        }
    }
}
