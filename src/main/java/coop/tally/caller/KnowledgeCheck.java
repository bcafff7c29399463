package coop.tally.caller;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a set of knowledge answers against the member's file. Exactly two different questions
 * must be asked and both must be right; which one was wrong is never told (a fraudster would learn
 * from it). Every answer is compared, in constant time, even after a wrong one.
 */
public final class KnowledgeCheck {

    public static final int QUESTIONS = 2;

    private KnowledgeCheck() {
    }

    /** Thrown when the answers are not two different questions: a rep's mistake, not a failed attempt. */
    public static final class WrongQuestionCount extends IllegalArgumentException {
        public WrongQuestionCount() {
            super("Ask exactly " + QUESTIONS + " different knowledge questions.");
        }
    }

    /** The first question whose answer is not an answer to it ({@link KnowledgeQuestion#isAnswer}), if any. */
    public static Optional<KnowledgeQuestion> notAnAnswer(Map<KnowledgeQuestion, String> answers) {
        return answers.entrySet().stream()
                .filter(answer -> !answer.getKey().isAnswer(answer.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }

    /**
     * @param onFile for each question, every value that counts as right (one for most; the recent
     *               transaction amounts for {@link KnowledgeQuestion#RECENT_AMOUNT})
     */
    public static boolean passes(Map<KnowledgeQuestion, String> answers, Map<KnowledgeQuestion, List<String>> onFile) {
        if (answers.size() != QUESTIONS) {
            throw new WrongQuestionCount();
        }
        boolean allRight = true;
        for (Map.Entry<KnowledgeQuestion, String> answer : answers.entrySet()) {
            KnowledgeQuestion question = answer.getKey();
            String offered = question.normalize(answer.getValue());
            boolean right = false;
            for (String expected : onFile.getOrDefault(question, List.of())) {
                String normalized = question.normalize(expected);
                right |= !normalized.isEmpty() && ConstantTime.equals(offered, normalized);
            }
            allRight &= right;
        }
        return allRight;
    }
}
