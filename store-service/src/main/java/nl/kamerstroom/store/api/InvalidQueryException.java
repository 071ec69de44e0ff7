package nl.kamerstroom.store.api;

/** A query parameter the API cannot answer; becomes a 400 problem naming the parameter. */
class InvalidQueryException extends RuntimeException {

    private final String parameter;

    InvalidQueryException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
