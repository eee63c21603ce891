package vn.gems.common.http;

import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;

import java.util.Arrays;
import java.util.List;

/** A {@code codes=A,B,C} query parameter of a list route (agencies, indicators): one way to read it and one limit problem. */
public final class CodeList {

    private CodeList() {
    }

    /** The codes asked for, trimmed, blanks and repeats dropped, in the order given; more than {@code max}: 400 {@code TOO_MANY_CODES}. */
    public static List<String> parse(String codes, int max) {
        List<String> list = Arrays.stream(codes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (list.size() > max) {
            throw ProblemException.badRequest("TOO_MANY_CODES", "Ask for at most " + max + " codes at once",
                    new FieldError("codes", "SIZE", "at most " + max));
        }
        return list;
    }
}
