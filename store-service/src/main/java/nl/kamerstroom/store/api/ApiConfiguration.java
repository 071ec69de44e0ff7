package nl.kamerstroom.store.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.kamerstroom.support.ApiKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import nl.kamerstroom.store.config.AdminProperties;

/** The admin API key check, and what the OpenAPI document says about the API as a whole. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration implements WebMvcConfigurer {

    static final String API_KEY_SCHEME = "apiKey";
    private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

    private final ApiKeys adminKeys;

    ApiConfiguration(AdminProperties properties) {
        this.adminKeys = new ApiKeys(properties.apiKeys());
        if (adminKeys.isEmpty()) {
            log.warn("No KAMERSTROOM_API_KEY set: the admin API (re-extraction) refuses every request");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminApiKeyInterceptor(adminKeys)).addPathPatterns("/api/admin/**");
    }

    @Bean
    OpenAPI kamerstroomOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Kamerstroom store")
                        .version("v1")
                        .description("""
                                The facts read from Dutch parliamentary letters: letters, missions, budgets and moties, \
                                each fact with the sentence and character offsets it came from. Lists are paged \
                                (page from 0, size up to %d) in a stable order and show only the facts of each letter's \
                                latest extraction. Errors are application/problem+json.""".formatted(QueryParameters.MAX_PAGE_SIZE)))
                .components(new Components().addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(AdminApiKeyInterceptor.HEADER)
                        .description("One of the keys in KAMERSTROOM_API_KEY; only /api/admin needs it.")));
    }
}
