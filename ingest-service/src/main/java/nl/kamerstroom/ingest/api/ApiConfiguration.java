package nl.kamerstroom.ingest.api;

import nl.kamerstroom.ingest.config.IngestProperties;
import nl.kamerstroom.support.ApiKeys;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(IngestProperties properties,
                                                      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        ApiKeys keys = new ApiKeys(properties.apiKeys());
        if (keys.isEmpty()) {
            // an ingest without keys would be open to anyone; refuse to start instead
            throw new IllegalStateException("set KAMERSTROOM_API_KEY to one or more comma-separated API keys");
        }
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(keys, resolver));
        registration.addUrlPatterns("/api/*");
        // before anything that could read the body
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
