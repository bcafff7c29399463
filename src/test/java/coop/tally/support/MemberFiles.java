package coop.tally.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Reading a member file as {@code GET /api/members/{number}} answers it. */
public final class MemberFiles {

    private MemberFiles() {
    }

    /**
     * The numbers of an ACTIVE member's ACTIVE share and share draft, as {share, draft}; null when
     * the member or either account is not active (the demo data has some of each).
     */
    public static String[] activeShareAndDraft(JsonObject member) {
        if (!"ACTIVE".equals(member.getString("status", ""))) {
            return null;
        }
        String share = null;
        String draft = null;
        for (JsonValue value : member.getJsonArray("accounts")) {
            JsonObject account = value.asJsonObject();
            if ("ACTIVE".equals(account.getString("status"))) {
                if ("SHARE".equals(account.getString("type"))) {
                    share = account.getString("accountNumber");
                } else if ("SHARE_DRAFT".equals(account.getString("type"))) {
                    draft = account.getString("accountNumber");
                }
            }
        }
        return share != null && draft != null ? new String[] {share, draft} : null;
    }
}
