package nl.peilbot.response;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The turn log's settings, and scheduling for its periodic repair. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TurnsProperties.class)
@EnableScheduling
class ResponseConfiguration {
}
