package coop.tally.enrolment;

import coop.tally.member.Member;
import coop.tally.web.JsonBuilders;
import jakarta.json.JsonObjectBuilder;

/** A new member as the enrolment answers it: the SSN masked, the share account opened. */
final class EnrolmentJson {

    private EnrolmentJson() {
    }

    static JsonObjectBuilder of(Member member) {
        return JsonBuilders.JSON.createObjectBuilder()
                .add("memberNumber", member.memberNumber())
                .add("firstName", member.firstName())
                .add("lastName", member.lastName())
                .add("dateOfBirth", member.dateOfBirth().toString())
                .add("ssn", member.maskedSsn())
                .add("joinedOn", member.joinedOn().toString())
                .add("shareAccount", member.memberNumber() + "-S00");
    }
}
