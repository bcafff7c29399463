package coop.tally.posting;

import coop.tally.platform.Dates;
import coop.tally.posting.rule.PostingRefused;
import coop.tally.web.JsonBuilders;
import coop.tally.ledger.Holds;
import coop.tally.ledger.Journal;
import coop.tally.ledger.LedgerInvariants;
import coop.tally.ledger.Viewer;
import coop.tally.member.AccountType;
import coop.tally.member.MemberAccount;
import coop.tally.member.MemberAccounts;
import coop.tally.posting.loan.PayoffQuote;
import coop.tally.ledger.BusinessDates;
import coop.tally.platform.Refusal;
import coop.tally.caller.CallGate;
import coop.tally.staff.SecurityLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
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

import java.time.LocalDate;
import java.util.Map;

/** Reading the ledger: an account's history and payoff, and the invariant check (one entry: {@link PostingResource}). */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private static final int MAX_PAGE = 200;

    @Inject
    Journal journal;

    @Inject
    MemberAccounts accounts;

    @Inject
    Holds holds;

    @Inject
    LoanServicing loans;

    @Inject
    BusinessDates businessDates;

    @Inject
    LedgerInvariants invariants;

    @Inject
    PostingResults results;

    @Context
    SecurityContext security;

    @Inject
    CallGate callGate;

    @Inject
    SecurityLog securityLog;

    @Inject
    Viewers viewers;

    private boolean seesEveryMember() {
        return security.isUserInRole("SUPERVISOR") || security.isUserInRole("AUDITOR");
    }

    /** A rep reads an account only inside a call verifying its member; supervisors and auditors are logged. */
    private void admitRead(MemberAccount account, String what) {
        String staff = security.getUserPrincipal().getName();
        if (seesEveryMember()) {
            securityLog.record("ACCOUNT_VIEWED", staff, account.member().memberNumber(), what);
        } else {
            callGate.admitInquiry(staff, account.member().memberNumber(), what);
        }
    }

    @GET
    @Path("accounts/{accountNumber}/history")
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Transactional
    @Operation(summary = "A member account's journal entries, newest first, paged")
    public JsonObject history(@PathParam("accountNumber") String accountNumber,
                              @QueryParam("page") @DefaultValue("0") int page,
                              @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw Refusal.invalid("PAGE_INVALID", "page is 0 or more; size is 1 to " + MAX_PAGE + ".");
        }
        MemberAccount account = existing(accountNumber);
        admitRead(account, "history of " + accountNumber);
        JsonArrayBuilder entries = JsonBuilders.JSON.createArrayBuilder();
        // an entry may touch other members' accounts too (a transfer between members): a rep sees this member's side of it
        Viewer viewer = viewers.of(seesEveryMember(), account.member().memberNumber());
        journal.history(account.id(), page, size).forEach(entry -> entries.add(results.entry(entry, viewer)));
        JsonArrayBuilder activeHolds = JsonBuilders.JSON.createArrayBuilder();
        holds.activeHoldsOn(account.id()).forEach(hold -> activeHolds.add(results.hold(hold)));
        return JsonBuilders.JSON.createObjectBuilder()
                .add("account", accountNumber)
                .add("ledgerBalance", account.ledgerBalance().toPlainString())
                .add("availableBalance", account.availableBalance().toPlainString())
                .add("holds", activeHolds)
                .add("page", page)
                .add("size", size)
                .add("entries", entries)
                .build();
    }

    @GET
    @Path("accounts/{accountNumber}/payoff")
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Transactional
    @Operation(summary = "A loan's payoff quote as of a date (default: the current business date)")
    public JsonObject payoff(@PathParam("accountNumber") String accountNumber, @QueryParam("asOf") String asOf) {
        MemberAccount loan = existing(accountNumber);
        admitRead(loan, "payoff of " + accountNumber);
        if (loan.type() != AccountType.LOAN) {
            throw PostingRefused.refused("NOT_A_LOAN", "The account is not a loan.", Map.of("account", accountNumber));
        }
        LocalDate date = asOf == null ? businessDates.current() : Dates.parse("asOf", asOf);
        PayoffQuote quote = loans.payoff(loan, date);
        return JsonBuilders.JSON.createObjectBuilder()
                .add("account", accountNumber)
                .add("asOf", quote.asOf().toString())
                .add("principal", quote.principal().toPlainString())
                .add("interest", quote.interest().toPlainString())
                .add("lateFees", quote.lateFees().toPlainString())
                .add("payoff", quote.total().toPlainString())
                .add("interestPaidTo", loan.interestPaidTo().toString())
                .add("annualRate", loan.annualRate().toPlainString())
                .build();
    }

    @GET
    @Path("ledger/invariants")
    @RolesAllowed({"SUPERVISOR", "AUDITOR"})
    @Operation(summary = "Recompute balances from the journal lines, check every entry balances and no cash account"
            + " (vault, drawers) is below zero")
    public JsonObject checkInvariants() {
        LedgerInvariants.Report report = invariants.check();
        JsonArrayBuilder unbalanced = JsonBuilders.JSON.createArrayBuilder();
        report.unbalancedEntries().forEach(entry -> unbalanced.add(JsonBuilders.JSON.createObjectBuilder()
                .add("entryId", entry.entryId())
                .add("debits", entry.debits().toPlainString())
                .add("credits", entry.credits().toPlainString())
                .add("lines", entry.lines())));
        JsonArrayBuilder mismatches = JsonBuilders.JSON.createArrayBuilder();
        report.balanceMismatches().forEach(mismatch -> mismatches.add(JsonBuilders.JSON.createObjectBuilder()
                .add("account", mismatch.accountNumber())
                .add("storedLedgerBalance", mismatch.storedLedger().toPlainString())
                .add("ledgerBalanceFromLines", mismatch.fromLines().toPlainString())
                .add("storedAvailableBalance", mismatch.storedAvailable().toPlainString())
                .add("expectedAvailableBalance", mismatch.expectedAvailable().toPlainString())));
        JsonArrayBuilder negativeCash = JsonBuilders.JSON.createArrayBuilder();
        report.negativeCash().forEach(cash -> negativeCash.add(JsonBuilders.JSON.createObjectBuilder()
                .add("glAccount", cash.glCode())
                .add("balance", cash.balance().toPlainString())));
        return JsonBuilders.JSON.createObjectBuilder()
                .add("ok", report.ok())
                .add("entriesChecked", report.entriesChecked())
                .add("accountsChecked", report.accountsChecked())
                .add("unbalancedEntries", unbalanced)
                .add("balanceMismatches", mismatches)
                .add("negativeCash", negativeCash)
                .build();
    }

    private MemberAccount existing(String accountNumber) {
        return accounts.find(accountNumber)
                .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "No member account has that number."));
    }
}
