package coop.tally.approval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Whether a request still waiting for a supervisor concerns a given member account. */
@ApplicationScoped
public class PendingApprovals {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @jakarta.inject.Inject
    Approvals approvals;

    /**
     * True when a pending request of {@code memberNumber}'s names {@code accountNumber} in what it
     * asks for (a posting from or to it, a reversal of one, a closing of it).
     */
    public boolean mentions(String memberNumber, String accountNumber) {
        return em.createQuery("select r.id from ApprovalRequest r where r.memberNumber = :member"
                        + " and (select count(e) from ApprovalEvent e where e.requestId = r.id) = 1", Long.class)
                .setParameter("member", memberNumber)
                .getResultStream()
                .map(approvals::find)
                .flatMap(java.util.Optional::stream)
                .filter(view -> view.status() == ApprovalStatus.PENDING)
                .anyMatch(view -> view.request().payload().toString().contains("\"" + accountNumber + "\""));
    }
}
