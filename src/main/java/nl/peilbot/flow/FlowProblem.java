package nl.peilbot.flow;

/**
 * One thing wrong with a flow file.
 *
 * @param questionId the question or field concerned, or null when the problem is with the file as a whole
 */
public record FlowProblem(String file, String questionId, String problem) {

    @Override
    public String toString() {
        return questionId == null ? file + ": " + problem : file + ", question '" + questionId + "': " + problem;
    }
}
