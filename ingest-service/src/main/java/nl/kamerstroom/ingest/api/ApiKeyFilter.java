package nl.kamerstroom.ingest.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.kamerstroom.support.ApiKeys;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Lets requests to {@code /api/**} through only with a configured {@code X-Api-Key}. A filter rather than an
 * interceptor, so an unauthenticated upload is refused before its body (possibly a large multipart batch) is read.
 * The refusal goes through the same exception handling as every other error, so it is problem+json as well.
 * Actuator endpoints (health probes) stay open.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;
    private final HandlerExceptionResolver exceptionResolver;

    ApiKeyFilter(ApiKeys keys, HandlerExceptionResolver exceptionResolver) {
        this.keys = keys;
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (!keys.matches(presented)) {
            exceptionResolver.resolveException(request, response, null, new ApiKeyRejectedException(presented == null));
            return;
        }
        chain.doFilter(request, response);
    }
}
