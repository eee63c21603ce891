package vn.gems.common.http;

import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;

/** Checked page parameters: page ≥ 0, 1 ≤ size ≤ {@link #MAX_SIZE}. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.badRequest("INVALID_PAGE", "page must be 0 or more", new FieldError("page", "MIN", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest("INVALID_PAGE_SIZE", "size must be between 1 and " + MAX_SIZE,
                    new FieldError("size", "RANGE", "must be between 1 and " + MAX_SIZE));
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            // The offset would overflow; no list is that long.
            throw ProblemException.badRequest("INVALID_PAGE", "page × size is too large", new FieldError("page", "MAX", "is too large"));
        }
        return new Paging(p, s);
    }
}
