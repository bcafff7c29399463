package coop.tally.dayclose.rule;

/**
 * One thing that holds the close back: a stable {@code code}, what it is ({@code subject}, e.g.
 * DRAWER, with its id and the staff member it belongs to) and a sentence for the supervisor.
 */
public record CloseBlocker(String code, String subject, long id, String owner, String message) {
}
