package coop.tally.posting;

import coop.tally.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.time.LocalDate;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test helper over the call API: opens a call for a staff member and verifies the caller as the
 * demo member, answering from the member's file as a supervisor reads it (date of birth and ZIP)
 * and, for STRONG, reading the passcode from the outbox as admin1. Each staff member keeps the call
 * open while they keep posting for the same member (one open call per staff member).
 */
public final class Calls {

    private static final Pattern PASSCODE = Pattern.compile("\\b(\\d{6})\\b");

    private final Api supervisor;
    private final Api admin;
    /** Per staff client: member number and call id of the open call this helper made. */
    private final Map<Api, String[]> open = new HashMap<>();

    public Calls(Api supervisor, Api admin) {
        this.supervisor = supervisor;
        this.admin = admin;
    }

    /**
     * The id of {@code staff}'s open call verified to {@code level} (BASIC or STRONG) for the
     * member, made now if needed (ending the staff member's other open call); null when the staff
     * member cannot take this call (no such member, their own membership, a role without calls).
     */
    public synchronized String verifiedCall(Api staff, String memberNumber, String level) {
        String[] current = open.get(staff);
        // the cache is trusted: calls of this helper end only through it (or after 15 idle minutes)
        if (current != null && current[0].equals(memberNumber) && !current[2].equals(VISIT)
                && (current[2].equals("STRONG") || level.equals("BASIC"))) {
            return current[1];
        }
        endCall(staff);
        JsonObject file = fileOf(memberNumber);
        if (file == null) {
            return null;
        }
        String ani = file.getJsonArray("phones").isEmpty() ? "+13125559999"
                : file.getJsonArray("phones").getJsonObject(0).getString("number");
        Api.Reply started = staff.post("api/calls", Json.createObjectBuilder().add("ani", ani).build().toString());
        if (started.status() != 201) {
            return null;
        }
        String callId = started.json().getString("id");
        Api.Reply identified = staff.post("api/calls/" + callId + "/member",
                Json.createObjectBuilder().add("memberNumber", memberNumber).build().toString());
        if (identified.status() != 200) {
            end(staff, callId, "ABANDONED");
            return null;
        }
        String zip = file.getJsonArray("addresses").getJsonObject(0).getString("zip");
        Api.Reply knowledge = staff.post("api/calls/" + callId + "/knowledge", Json.createObjectBuilder()
                .add("answers", Json.createObjectBuilder().add("dateOfBirth", file.getString("dateOfBirth")).add("zip", zip))
                .build().toString());
        assertEquals(200, knowledge.status(), knowledge.toString());
        assertEquals(true, knowledge.json().getBoolean("passed"), knowledge.toString());
        if ("STRONG".equals(level)) {
            passcode(staff, callId);
        }
        open.put(staff, new String[] {memberNumber, callId, level});
        return callId;
    }

    /** The level marker of a cached visit (a visit verified by photo ID is STRONG). */
    private static final String VISIT = "VISIT";

    /**
     * The id of {@code staff}'s open visit at the counter (channel BRANCH) for the member, verified
     * STRONG by an unexpired driver's license in the member's name, made now if needed (ending the
     * staff member's other open call or visit); null when the staff member cannot serve the member.
     * Cash is posted only in a visit.
     */
    public synchronized String verifiedVisit(Api staff, String memberNumber) {
        String[] current = open.get(staff);
        if (current != null && current[0].equals(memberNumber) && current[2].equals(VISIT)) {
            return current[1];
        }
        endCall(staff);
        if (fileOf(memberNumber) == null) {
            return null;
        }
        Api.Reply started = staff.post("api/visits", "");
        if (started.status() != 201) {
            return null;
        }
        String visitId = started.json().getString("id");
        Api.Reply identified = staff.post("api/calls/" + visitId + "/member",
                Json.createObjectBuilder().add("memberNumber", memberNumber).build().toString());
        if (identified.status() != 200) {
            end(staff, visitId, "ABANDONED");
            return null;
        }
        Api.Reply checked = staff.post("api/visits/" + visitId + "/photo-id", photoId(unexpiredOn(staff), true).toString());
        assertEquals(200, checked.status(), checked.toString());
        assertEquals("STRONG", checked.json().getString("level"), checked.toString());
        open.put(staff, new String[] {memberNumber, visitId, VISIT});
        return visitId;
    }

    /** A driver's license as the rep records it: last four 4321, the expiry given. */
    /** An expiry date well after the server's business date: an ID that is good whatever day the tests run. */
    public static String unexpiredOn(Api staff) {
        return LocalDate.parse(staff.get("api/business-date").json().getString("businessDate")).plusYears(4).toString();
    }

    public static JsonObject photoId(String expires, boolean inMembersName) {
        return Json.createObjectBuilder().add("type", "DRIVERS_LICENSE").add("last4", "4321")
                .add("expires", expires).add("inMembersName", inMembersName).build();
    }

    /** The staff member's open call or visit as the API shows it, or null. */
    public synchronized JsonObject currentSession(Api staff) {
        Api.Reply current = staff.get("api/calls/current");
        return current.status() == 200 ? current.json() : null;
    }

    /** Sends a passcode, reads it from the outbox and checks it: BASIC becomes STRONG. */
    public JsonObject passcode(Api staff, String callId) {
        Api.Reply sent = staff.post("api/calls/" + callId + "/passcode", "");
        assertEquals(200, sent.status(), sent.toString());
        Api.Reply checked = staff.post("api/calls/" + callId + "/passcode/check",
                Json.createObjectBuilder().add("code", outboxCode(callId)).build().toString());
        assertEquals(200, checked.status(), checked.toString());
        return checked.json();
    }

    /** The passcode last sent for the call, as the demo's outbox shows it to an admin. */
    public String outboxCode(String callId) {
        Api.Reply outbox = admin.get("api/outbox");
        assertEquals(200, outbox.status(), outbox.toString());
        for (JsonObject message : outbox.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
            if (callId.equals(message.getString("callId", null))) {
                Matcher code = PASSCODE.matcher(message.getString("body"));
                if (code.find()) {
                    return code.group(1);
                }
            }
        }
        throw new AssertionError("no passcode in the outbox for call " + callId);
    }

    /** The id of the staff member's open call, whatever its member, or null. */
    public synchronized String currentCall(Api staff) {
        Api.Reply current = staff.get("api/calls/current");
        return current.status() == 200 ? current.json().getString("id") : null;
    }

    /** Ends the staff member's open call, if any. */
    public synchronized void endCall(Api staff) {
        open.remove(staff);
        String current = currentCall(staff);
        if (current != null) {
            end(staff, current, "RESOLVED");
        }
    }

    private static void end(Api staff, String callId, String disposition) {
        staff.post("api/calls/" + callId + "/end",
                Json.createObjectBuilder().add("disposition", disposition).build().toString());
    }

    private JsonObject fileOf(String memberNumber) {
        Api.Reply reply = supervisor.get("api/members/" + memberNumber);
        return reply.status() == 200 ? reply.json() : null;
    }
}
