package vn.gems.common.http;

import java.util.List;

/** One page of a list: the items, the total across all pages, and where this page is. Pages start at 0. */
public record PageView<T>(List<T> items, long total, int page, int size) {
}
