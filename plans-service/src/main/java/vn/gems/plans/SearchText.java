package vn.gems.plans;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for search without a database extension: lower case, diacritics removed, đ/Đ → d,
 * every run of other characters one space. "Bình đẳng GIỚI" and "binh dang gioi" fold alike.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = text.replace('đ', 'd').replace('Đ', 'D');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return s.strip();
    }

    /** Folds several texts into one searchable string. */
    public static String fold(Iterable<String> texts, int maxLength) {
        StringBuilder sb = new StringBuilder();
        for (String t : texts) {
            String f = fold(t);
            if (!f.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(f);
            }
            if (sb.length() >= maxLength) {
                return sb.substring(0, maxLength);
            }
        }
        return sb.toString();
    }

    /** Words of a query that count; the rest are ignored (a search is a few words, not a document). */
    public static final int MAX_TERMS = 12;
    public static final int MAX_TERM_LENGTH = 100;

    /** The folded words of a query (at most {@link #MAX_TERMS}), each to be found in the folded text. */
    public static List<String> terms(String query) {
        List<String> terms = new ArrayList<>();
        String q = query == null || query.length() <= 4 * MAX_TERMS * MAX_TERM_LENGTH ? query
                : query.substring(0, 4 * MAX_TERMS * MAX_TERM_LENGTH);
        for (String t : fold(q).split(" ")) {
            String term = t.length() > MAX_TERM_LENGTH ? t.substring(0, MAX_TERM_LENGTH) : t;
            if (!term.isEmpty() && !terms.contains(term)) {
                terms.add(term);
            }
            if (terms.size() == MAX_TERMS) {
                break;
            }
        }
        return terms;
    }
}
