package coop.tally.member;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.logging.Logger;

/** Records that a member's file was opened, and by whom: member data is read on the record. */
@ApplicationScoped
public class MemberViewLog {

    static final String EVENT = "MEMBER_VIEWED";
    private static final Logger LOG = Logger.getLogger(MemberViewLog.class.getName());

    public void viewed(String staffUsername, String memberNumber) {
        LOG.info(() -> EVENT + " actor=" + staffUsername + " subject=" + memberNumber);
    }
}
