package dev.sextant.server.predictions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code sextant.predictions.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PredictionSettings.class)
class PredictionConfiguration {}
