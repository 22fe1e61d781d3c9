package nl.peilbot.system;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/** The application's database on Boot's auto-configured client, named by {@code spring.mongodb.uri} (or {@code spring.mongodb.database}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoTimeouts.class)
class MongoConfiguration {

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    /** Applied after the connection string, so these timeouts win over the driver's 30 s server selection default. */
    @Bean
    MongoClientSettingsBuilderCustomizer mongoTimeouts(MongoTimeouts timeouts) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout(timeouts.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(timeouts.socketTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }
}
