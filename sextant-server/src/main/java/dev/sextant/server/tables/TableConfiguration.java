package dev.sextant.server.tables;

import dev.sextant.server.web.ProblemWriter;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Analytics answers as CSV or JSON Lines; after security, before (around) the answer cache. */
@Configuration(proxyBeanMethods = false)
class TableConfiguration {

    @Bean
    FilterRegistrationBean<TableExport> tableExport(ProblemWriter problems) {
        FilterRegistrationBean<TableExport> registration = new FilterRegistrationBean<>(
                new TableExport(List.of("/api/v1/analytics/", "/api/v1/insights", "/api/v1/alerts", "/api/v1/budgets"),
                        problems));
        registration.setOrder(-1); // Spring Security's chain runs at -100, the answer cache at 0
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }
}
