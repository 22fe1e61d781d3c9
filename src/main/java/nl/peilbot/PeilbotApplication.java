package nl.peilbot;

import java.util.Arrays;
import java.util.List;

import nl.peilbot.flow.ValidateFlowCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PeilbotApplication {

    public static void main(String[] args) {
        // "validate FILE..." checks flow files without starting the application (no database needed)
        if (args.length > 0 && args[0].equals("validate")) {
            List<String> files = Arrays.asList(args).subList(1, args.length);
            System.exit(ValidateFlowCommand.run(files, System.out));
        }
        SpringApplication.run(PeilbotApplication.class, args);
    }
}
