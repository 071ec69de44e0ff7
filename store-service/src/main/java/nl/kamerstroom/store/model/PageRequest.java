package nl.kamerstroom.store.model;

/**
 * Which slice of a sorted list to answer.
 *
 * @param page zero-based page number
 * @param size items per page
 */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1, got page " + page + ", size " + size);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
