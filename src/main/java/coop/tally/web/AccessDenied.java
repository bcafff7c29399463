package coop.tally.web;

/** Fired when an authenticated caller is refused for lack of a role; the security log records it. */
public record AccessDenied(String actor, String method, String path) {
}
