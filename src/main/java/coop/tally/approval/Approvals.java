package coop.tally.approval;

import coop.tally.platform.RowLocks;
import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The maker-checker desk: makers raise requests, supervisors approve or deny them, makers cancel
 * them, and a request nobody decided expires. Nothing is ever edited or deleted: every step is an
 * appended {@link ApprovalEvent}. A decision locks the request row, so two supervisors deciding at
 * once are served one after the other and the second finds it decided.
 */
@ApplicationScoped
public class Approvals {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    RowLocks rowLocks;

    @Inject
    TallyClock clock;

    @Inject
    SecurityLog securityLog;

    @Inject
    @Any
    Instance<ApprovalExecutor> executors;

    @Inject
    @ConfigProperty(name = "tally.approval.ttl", defaultValue = "PT30M")
    Duration ttl;

    /** Who decides: a signed-in staff member and the member they themselves are (or null). */
    public record Decider(String username, String ownMemberNumber) {
    }

    /** A request with its events and the status they give it. */
    public record View(ApprovalRequest request, List<ApprovalEvent> events, ApprovalStatus status) {
    }

    /** The answer to a decision: the request as it now stands, or the problem that refused the decision (nothing appended then but what the problem explains). */
    public record Decided(View view, Refusal problem, boolean replayed) {
    }

    /** Raises a request in the caller's transaction (it commits with the 202 that answers the maker). */
    @Transactional(Transactional.TxType.MANDATORY)
    public View request(ApprovalKind kind, String maker, String sessionId, String memberNumber, String summary,
                        JsonObject payload, List<PolicyDecision> reasons, JsonArray balances) {
        Instant now = clock.now();
        var reasonArray = JsonBuilders.JSON.createArrayBuilder();
        reasons.forEach(reason -> reasonArray.add(JsonBuilders.JSON.createObjectBuilder()
                .add("reason", reason.reason()).add("message", reason.message())));
        ApprovalRequest request = new ApprovalRequest(kind, maker, sessionId, memberNumber, now, now.plus(ttl),
                clip(summary, 300), payload.toString(), reasonArray.build().toString(), balances.toString());
        em.persist(request);
        em.flush();
        append(request, ApprovalEvent.Type.REQUESTED, now, maker, null, null, null, null);
        securityLog.record("APPROVAL_REQUESTED", maker, "approval:" + request.id(),
                kind + " " + reasons.stream().map(PolicyDecision::reason).toList());
        return view(request);
    }

    /** One request, expired first if its time ran out. */
    @Transactional
    public Optional<View> find(long id) {
        ApprovalRequest request = em.find(ApprovalRequest.class, id);
        if (request == null) {
            return Optional.empty();
        }
        return Optional.of(expireIfDue(request));
    }

    /** Requests with {@code status} (any when null), by {@code maker} (anyone when null), oldest first. */
    @Transactional
    public List<View> list(ApprovalStatus status, String maker, int limit) {
        return list(status, maker, null, limit);
    }

    /** As {@link #list(ApprovalStatus, String, int)}, of one call or visit when {@code sessionId} is not null. */
    @Transactional
    public List<View> list(ApprovalStatus status, String maker, String sessionId, int limit) {
        StringBuilder jpql = new StringBuilder("select r from ApprovalRequest r where 1 = 1");
        if (maker != null) {
            jpql.append(" and r.requestedBy = :maker");
        }
        if (sessionId != null) {
            jpql.append(" and r.sessionId = :session");
        }
        if (status == ApprovalStatus.PENDING) {
            // a pending request has only its REQUESTED event
            jpql.append(" and (select count(e) from ApprovalEvent e where e.requestId = r.id) = 1");
        }
        var query = em.createQuery(jpql.append(" order by r.requestedAt, r.id").toString(), ApprovalRequest.class);
        if (maker != null) {
            query.setParameter("maker", maker);
        }
        if (sessionId != null) {
            query.setParameter("session", sessionId);
        }
        List<View> views = new ArrayList<>();
        if (status == null || status == ApprovalStatus.PENDING) {
            // a few more than asked for: some pending ones may turn out to have expired just now
            query.setMaxResults(Math.max(limit, 1) * 4);
        }
        for (ApprovalRequest request : query.getResultList()) {
            View view = expireIfDue(request);
            if (status == null || view.status() == status) {
                views.add(view);
            }
            if (views.size() >= limit) {
                break;
            }
        }
        return views;
    }

    /** Appends EXPIRED to pending requests whose time ran out (a sweep; reads and decisions also expire them). */
    @Transactional
    public int expireDue() {
        List<ApprovalRequest> due = em.createQuery("select r from ApprovalRequest r where r.expiresAt <= :now"
                        + " and (select count(e) from ApprovalEvent e where e.requestId = r.id) = 1 order by r.id",
                ApprovalRequest.class).setParameter("now", clock.now()).setMaxResults(200).getResultList();
        due.forEach(this::expireIfDue);
        return due.size();
    }

    /**
     * Approves and executes, once. The maker can never approve their own request, nor a supervisor
     * one on their own accounts. Approving again (a double click) answers with the first outcome.
     */
    @Transactional
    public Decided approve(long id, Decider supervisor, String reason) {
        ApprovalRequest request = lock(id);
        View view = expireIfDue(request);
        Optional<Refusal> refused = refuseDecider(request, supervisor, "APPROVAL_SELF_REFUSED");
        if (refused.isPresent()) {
            return new Decided(view, refused.get(), false);
        }
        switch (view.status()) {
            case APPROVED -> {
                boolean sameApprover = view.events().stream().anyMatch(event -> event.type() == ApprovalEvent.Type.APPROVED
                        && event.actor().equals(supervisor.username()));
                return sameApprover ? new Decided(view, null, true)
                        : new Decided(view, Refusal.conflict("APPROVAL_ALREADY_DECIDED", "Another supervisor approved this request already."), false);
            }
            case EXPIRED -> {
                return new Decided(view, Refusal.conflict("APPROVAL_EXPIRED", "The request expired; the rep must ask again."), false);
            }
            case DENIED, CANCELLED -> {
                return new Decided(view, Refusal.conflict("APPROVAL_ALREADY_DECIDED", "The request was " + view.status() + " already."), false);
            }
            default -> {
                // PENDING: decide below
            }
        }
        Instant now = clock.now();
        append(request, ApprovalEvent.Type.APPROVED, now, supervisor.username(), reason, null, null, null);
        securityLog.record("APPROVAL_APPROVED", supervisor.username(), "approval:" + id, request.kind() + " by " + request.requestedBy());
        ApprovalExecutor executor = executorFor(request.kind());
        try {
            ApprovalExecutor.Executed executed = executor.execute(request, supervisor.username(), reason);
            append(request, ApprovalEvent.Type.EXECUTED, clock.now(), supervisor.username(), null, null,
                    executed.entryId(), executed.outcome().toString());
        } catch (Refusal refusal) {
            // the re-check refused it: nothing was done (the executor's own transaction rolled back); say why
            append(request, ApprovalEvent.Type.REFUSED, clock.now(), supervisor.username(), clip(refusal.getMessage(), 500),
                    clip(refusal.code(), 60), null, problemJson(refusal));
        }
        return new Decided(view(request), null, false);
    }

    @Transactional
    public Decided deny(long id, Decider supervisor, String reason) {
        ApprovalRequest request = lock(id);
        View view = expireIfDue(request);
        Optional<Refusal> refused = refuseDecider(request, supervisor, "APPROVAL_SELF_REFUSED");
        if (refused.isPresent()) {
            return new Decided(view, refused.get(), false);
        }
        if (view.status() != ApprovalStatus.PENDING) {
            return new Decided(view, notPending(view), false);
        }
        append(request, ApprovalEvent.Type.DENIED, clock.now(), supervisor.username(), reason, null, null, null);
        securityLog.record("APPROVAL_DENIED", supervisor.username(), "approval:" + id, request.kind() + " by " + request.requestedBy());
        return new Decided(view(request), null, false);
    }

    /** The maker withdraws their own pending request. */
    @Transactional
    public Decided cancel(long id, String maker, String reason) {
        ApprovalRequest request = lock(id);
        View view = expireIfDue(request);
        if (!request.requestedBy().equals(maker)) {
            return new Decided(view, Refusal.forbidden("NOT_YOUR_REQUEST", "Only the staff member who asked can cancel a request."), false);
        }
        if (view.status() != ApprovalStatus.PENDING) {
            return new Decided(view, notPending(view), false);
        }
        append(request, ApprovalEvent.Type.CANCELLED, clock.now(), maker, reason, null, null, null);
        securityLog.record("APPROVAL_CANCELLED", maker, "approval:" + id, request.kind().name());
        return new Decided(view(request), null, false);
    }

    // ------------------------------------------------------------------ steps

    private Optional<Refusal> refuseDecider(ApprovalRequest request, Decider decider, String logType) {
        if (request.requestedBy().equals(decider.username())) {
            securityLog.record(logType, decider.username(), "approval:" + request.id(), "own request");
            return Optional.of(Refusal.forbidden("SELF_APPROVAL", "Nobody may decide their own request; another supervisor must."));
        }
        if (decider.ownMemberNumber() != null && decider.ownMemberNumber().equals(request.memberNumber())) {
            securityLog.record(logType, decider.username(), "approval:" + request.id(), "own accounts");
            return Optional.of(Refusal.forbidden("STAFF_OWN_ACCOUNT", "Staff may not decide requests on their own accounts."));
        }
        return Optional.empty();
    }

    private static Refusal notPending(View view) {
        return view.status() == ApprovalStatus.EXPIRED
                ? Refusal.conflict("APPROVAL_EXPIRED", "The request expired; the rep must ask again.")
                : Refusal.conflict("APPROVAL_ALREADY_DECIDED", "The request was " + view.status() + " already.");
    }

    /**
     * Deciders of one request take turns on its row. The lock lets the executor's own transaction
     * write rows that name the request (a drawer's close_approval_id) while this one holds it: see
     * {@link RowLocks}.
     */
    private ApprovalRequest lock(long id) {
        lockRow(id);
        ApprovalRequest request = em.find(ApprovalRequest.class, id);
        if (request == null) {
            throw Refusal.notFound("APPROVAL_NOT_FOUND", "No approval request with that id.");
        }
        return request;
    }

    private void lockRow(long id) {
        em.createNativeQuery(rowLocks.selectById("approval_request")).setParameter(1, id).getResultList();
    }

    /** Appends EXPIRED to a pending request whose time ran out (under the row lock, so only once). */
    private View expireIfDue(ApprovalRequest request) {
        View view = view(request);
        if (view.status() == ApprovalStatus.PENDING && !clock.now().isBefore(request.expiresAt())) {
            lockRow(request.id());
            view = view(request);
            if (view.status() == ApprovalStatus.PENDING) {
                append(request, ApprovalEvent.Type.EXPIRED, clock.now(), "system", null, null, null, null);
                view = view(request);
            }
        }
        return view;
    }

    private View view(ApprovalRequest request) {
        List<ApprovalEvent> events = em.createQuery(
                        "select e from ApprovalEvent e where e.requestId = :id order by e.id", ApprovalEvent.class)
                .setParameter("id", request.id()).getResultList();
        ApprovalStatus status = ApprovalStatus.PENDING;
        for (ApprovalEvent event : events) {
            status = switch (event.type()) {
                case APPROVED -> ApprovalStatus.APPROVED;
                case DENIED -> ApprovalStatus.DENIED;
                case EXPIRED -> ApprovalStatus.EXPIRED;
                case CANCELLED -> ApprovalStatus.CANCELLED;
                default -> status;
            };
        }
        return new View(request, events, status);
    }

    private void append(ApprovalRequest request, ApprovalEvent.Type type, Instant at, String actor, String reason,
                        String code, Long entryId, String outcome) {
        em.persist(new ApprovalEvent(request.id(), type, at, actor, reason, code, entryId, clip(outcome, 4000)));
        em.flush();
    }

    private ApprovalExecutor executorFor(ApprovalKind kind) {
        for (ApprovalExecutor executor : executors) {
            if (executor.kind() == kind) {
                return executor;
            }
        }
        throw new IllegalStateException("No executor for approvals of kind " + kind);
    }

    private static String problemJson(Refusal problem) {
        var json = JsonBuilders.JSON.createObjectBuilder().add("kind", problem.kind().name()).add("code", problem.code())
                .add("detail", String.valueOf(problem.getMessage()));
        problem.details().forEach((name, value) -> json.add(name, String.valueOf(value)));
        return json.build().toString();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** For problem bodies: the request's id, so the maker can poll it. */
    public static Map<String, Object> details(View view) {
        return Map.of("approvalId", view.request().id(), "approvalStatus", view.status().name());
    }
}
