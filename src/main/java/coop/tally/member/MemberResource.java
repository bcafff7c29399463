package coop.tally.member;

import coop.tally.staff.SecurityLog;
import coop.tally.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Member search and the member file. Supervisors and auditors see them without a call, and each
 * file they open is logged. A rep's search shows only names and member numbers (enough to identify
 * the caller), and a rep sees a member's file only inside their own open call where that member
 * is verified (DESIGN.md "Caller verification"). Admins, who manage staff and not members, get 403.
 */
@Path("members")
@RequestScoped
@RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    static final String MEMBER_VIEWED = "MEMBER_VIEWED";
    static final int MAX_PAGE_SIZE = 100;
    /** Deep pages are a scraping pattern, not a search: narrow the query instead. */
    static final int MAX_PAGE = 10_000;

    @Inject
    MemberService members;

    @Inject
    SecurityLog securityLog;

    @Inject
    MemberInquiryGate inquiryGate;

    @Context
    SecurityContext security;

    private boolean seesWithoutCall() {
        return security.isUserInRole("SUPERVISOR") || security.isUserInRole("AUDITOR");
    }

    @GET
    @Operation(summary = "Find members by name prefix, member number, account number or phone number")
    public JsonObject search(@QueryParam("q") String q,
                             @QueryParam("page") @DefaultValue("0") String page,
                             @QueryParam("size") @DefaultValue("20") String size) {
        MemberSearch search = MemberSearch.parse(q);
        int pageNumber = boundedInt(page, "page", 0, MAX_PAGE);
        int pageSize = boundedInt(size, "size", 1, MAX_PAGE_SIZE);
        SearchResult result = members.search(search, pageNumber, pageSize);
        return seesWithoutCall() ? MemberJson.page(result) : MemberJson.namesOnly(result);
    }

    @GET
    @Path("{memberNumber}")
    @Operation(summary = "A member's file: contact details, masked SSN and accounts; the read is logged")
    public JsonObject member(@PathParam("memberNumber") String memberNumber) {
        if (!seesWithoutCall()) {
            inquiryGate.admitInquiry(security.getUserPrincipal().getName(), memberNumber, "member file");
        }
        MemberFile file = members.file(memberNumber);
        // member data is read on the record: who opened which member's file, and when
        securityLog.record(MEMBER_VIEWED, security.getUserPrincipal().getName(), file.member().memberNumber(), null);
        return MemberJson.file(file);
    }

    /** Query parameters are parsed here so that a bad one is a 400 problem, not JAX-RS's 404. */
    private static int boundedInt(String text, String name, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Refusal.invalid("INVALID_PAGE", name + " must be a whole number from " + min + " to " + max + ".");
    }
}
