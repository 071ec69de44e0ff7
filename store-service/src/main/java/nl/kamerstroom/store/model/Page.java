package nl.kamerstroom.store.model;

import java.util.List;

/**
 * One page of a list in a stable order, with the size of the whole list.
 *
 * @param totalElements items in the whole list, over all pages
 * @param totalPages    pages of {@code size} the whole list fills
 */
public record Page<T>(List<T> items, int page, int size, long totalElements, int totalPages) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalElements) {
        int totalPages = (int) ((totalElements + request.size() - 1) / request.size());
        return new Page<>(items, request.page(), request.size(), totalElements, totalPages);
    }
}
