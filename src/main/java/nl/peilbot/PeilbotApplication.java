package nl.peilbot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PeilbotApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeilbotApplication.class, args);
    }
}
