package nl.peilbot.flow;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code validate} command: checks flow files before they are deployed and prints what is wrong.
 *
 * <p>Prints {@code OK <file> (version <version>, <n> questions)} for a good file and one line per
 * problem for a broken one.
 */
public final class ValidateFlowCommand {

    /** Exit code when every file is valid. */
    public static final int OK = 0;
    /** Exit code when at least one file has problems. */
    public static final int INVALID = 1;
    /** Exit code when no file was given. */
    public static final int USAGE = 2;

    private ValidateFlowCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out));
    }

    /** Validates each of {@code files} in turn, printing to {@code out}; returns the exit code. */
    public static int run(List<String> files, PrintStream out) {
        if (files.isEmpty()) {
            out.println("usage: validate FLOW-FILE...");
            return USAGE;
        }
        int exitCode = OK;
        for (String file : files) {
            if (!validate(file, out)) {
                exitCode = INVALID;
            }
        }
        return exitCode;
    }

    private static boolean validate(String file, PrintStream out) {
        try {
            Flow flow = Flows.load(Path.of(file));
            out.println("OK " + file + " (version " + flow.version() + ", " + flow.questions().size() + " questions)");
            return true;
        } catch (FlowException e) {
            e.problems().forEach(out::println);
            return false;
        }
    }
}
