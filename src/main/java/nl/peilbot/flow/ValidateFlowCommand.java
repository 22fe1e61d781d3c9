package nl.peilbot.flow;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code validate} command: checks flow files before they are deployed and prints what is wrong.
 *
 * <p>Arguments: {@code [--previous PREVIOUS-FILE] FILE...}. Prints
 * {@code OK <file> (version <version>, <n> questions)} for a good file and one line per problem for a
 * broken one; with {@code --previous}, each file must also be a compatible new version of that file.
 */
public final class ValidateFlowCommand {

    /** Exit code when every file is valid. */
    public static final int OK = 0;
    /** Exit code when at least one file has problems. */
    public static final int INVALID = 1;
    /** Exit code when the arguments are wrong. */
    public static final int USAGE = 2;

    private static final String PREVIOUS = "--previous";

    private ValidateFlowCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out));
    }

    /** Validates each file named in {@code arguments} in turn, printing to {@code out}; returns the exit code. */
    public static int run(List<String> arguments, PrintStream out) {
        boolean withPrevious = !arguments.isEmpty() && arguments.get(0).equals(PREVIOUS);
        List<String> files = withPrevious ? arguments.subList(Math.min(2, arguments.size()), arguments.size()) : arguments;
        if (files.isEmpty()) {
            out.println("usage: validate [" + PREVIOUS + " PREVIOUS-FLOW-FILE] FLOW-FILE...");
            return USAGE;
        }
        Flow previous = null;
        if (withPrevious) {
            previous = load(arguments.get(1), out);
            if (previous == null) {
                return INVALID;
            }
        }
        int exitCode = OK;
        for (String file : files) {
            if (!validate(file, previous, out)) {
                exitCode = INVALID;
            }
        }
        return exitCode;
    }

    private static boolean validate(String file, Flow previous, PrintStream out) {
        Flow flow = load(file, out);
        if (flow == null) {
            return false;
        }
        List<FlowProblem> incompatibilities = previous == null ? List.of() : Flows.incompatibilities(previous, flow);
        if (!incompatibilities.isEmpty()) {
            incompatibilities.forEach(out::println);
            return false;
        }
        String same = previous != null && previous.version().equals(flow.version()) ? ", unchanged" : "";
        out.println("OK " + file + " (version " + flow.version() + same + ", " + flow.questions().size() + " questions)");
        return true;
    }

    private static Flow load(String file, PrintStream out) {
        try {
            return Flows.load(Path.of(file));
        } catch (FlowException e) {
            e.problems().forEach(out::println);
            return null;
        }
    }
}
