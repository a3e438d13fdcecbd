package dev.sextant.server.budgets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BudgetSettings.class)
class BudgetConfiguration {
}
