package coop.tally.drawer;

import coop.tally.ledger.AccountRef;
import coop.tally.ledger.BusinessDates;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.GlAccounts;
import coop.tally.ledger.LineDraft;
import coop.tally.ledger.Side;
import coop.tally.money.Money;
import coop.tally.platform.TallyClock;
import coop.tally.staff.StaffDirectory;
import coop.tally.staff.SecurityLog;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drawers: open with a count, cash postings, vault buys and sells (the close is {@link DrawerClose}). Every change
 * of a drawer's expected cash happens here, with the drawer row locked ({@code SELECT ... FOR
 * UPDATE}) and together with the balanced journal entry that moves the same amount on the
 * drawer's GL account, so that the expected cash always equals that account's balance.
 * Locks are taken after the member accounts of a posting (the posting engine's order).
 */
@ApplicationScoped
public class DrawerService {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    StaffDirectory staffDirectory;

    @Inject
    DrawerMoves moves;

    @Inject
    BusinessDates businessDates;

    @Inject
    TallyClock clock;

    @Inject
    DrawerSettings settings;

    @Inject
    SecurityLog securityLog;

    @Inject
    Vault vault;

    @Inject
    AdmittedCash admitted;

    // ------------------------------------------------------------------ open

    /**
     * Opens the rep's drawer for the current business day: the vault's issue moves from the vault
     * to the drawer's own GL account (VAULT_BUY), and the rep's opening count is checked against
     * it; a difference is flagged to supervisors (the books follow the vault's issue). The vault
     * must hold the issue (VAULT_CASH_SHORT) and the issue must fit the cash limit (DRAWER_OVER_LIMIT).
     */
    @Transactional
    public Drawer open(String rep, Money vaultIssue, DenominationCount count) {
        LocalDate businessDate = businessDates.current();
        staffDirectory.serializeWorkOf(rep);
        Optional<Drawer> existing = drawerOf(rep, businessDate, false);
        if (existing.isPresent()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "DRAWER_ALREADY_OPENED", "You already have a drawer for business date " + businessDate + ".",
                    Map.of("drawerId", existing.get().id()));
        }
        vault.reserve(vaultIssue);
        requireWithinLimit(Money.ZERO, vaultIssue, settings.cashLimit(), null);
        Instant now = clock.now();
        Drawer drawer = new Drawer(rep, businessDate, settings.cashLimit(), vaultIssue, count, now);
        em.persist(drawer);
        em.flush();
        drawer.assignGlAccount();
        moves.append(DrawerMovement.Kind.OPENING_ISSUE, EntryType.VAULT_BUY, rep, "Opening issue from the vault to drawer " + drawer.id(),
                drawer, vaultIssue, AccountRef.gl(GlAccounts.VAULT_CASH), count);
        securityLog.record("DRAWER_OPENED", rep, "drawer " + drawer.id(), "business date " + businessDate);
        if (!drawer.openingDifference().isZero()) {
            em.persist(new DrawerFlag(drawer, DrawerFlag.Kind.OPENING_DIFFERENCE, now,
                    "counted " + count.total().toPlainString() + ", vault issued " + vaultIssue.toPlainString()));
            securityLog.record("DRAWER_OPENING_DIFFERENCE", rep, "drawer " + drawer.id(),
                    "difference " + drawer.openingDifference().toPlainString());
        }
        return drawer;
    }

    // ------------------------------------------------------------------ cash postings

    /**
     * The rep's drawer for the business date, locked, for a cash posting: empty when the rep has
     * opened none (the planner then refuses with DRAWER_NOT_OPEN); a counted or closed drawer is
     * refused here, as a closed drawer takes no postings.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Drawer> lockForCash(String rep, LocalDate businessDate) {
        Optional<Drawer> drawer = drawerOf(rep, businessDate, true);
        drawer.ifPresent(DrawerService::requireOpen);
        return drawer;
    }

    /**
     * Admits a cash posting of {@code delta} through the drawer, with the denominations counted
     * (or null): refused as {@link #refuseUnfundable} says, and 422 DENOMINATIONS_MISMATCH when the
     * denominations do not add up to the cash that moves. Once the entry is posted the drawer moves
     * with it ({@link DrawerCashWatch}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(Drawer drawer, Money delta, DenominationCount denominations) {
        refuseUnfundable(drawer, delta);
        Money moved = delta.isNegative() ? delta.negate() : delta;
        if (denominations != null && !denominations.total().equals(moved)) {
            throw new Refusal(Refusal.Kind.RULES, "DENOMINATIONS_MISMATCH", "The denominations add up to " + denominations.total().toPlainString()
                    + " but the posting moves " + moved.toPlainString() + " in cash.",
                    Map.of("field", "denominations", "cash", moved.toPlainString()));
        }
        admitted.expect(drawer, DrawerMovement.Kind.CASH_POSTING, denominations);
    }

    /**
     * Admits a reversal through the drawer: cash going back out must be in the drawer; cash coming
     * back in is the undoing of a withdrawal and is taken whatever the cash limit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admitReversal(Drawer drawer, Money delta) {
        refuseUnfundable(drawer, delta.isPositive() ? Money.ZERO : delta);
        admitted.expect(drawer, DrawerMovement.Kind.REVERSAL, null);
    }

    /**
     * Refuses a move of {@code delta} the drawer cannot take: any move once the drawer is counted,
     * cash in while the drawer is above its cash limit (DRAWER_OVER_LIMIT: sell to the vault
     * first), or cash out beyond what it holds (DRAWER_CASH_SHORT). Neither refusal says how much
     * the drawer holds: the close is blind.
     */
    static void refuseUnfundable(Drawer drawer, Money delta) {
        requireOpen(drawer);
        if (delta.isPositive() && drawer.isOverLimit()) {
            throw new Refusal(Refusal.Kind.RULES, "DRAWER_OVER_LIMIT",
                    "The drawer holds more than its cash limit; sell cash to the vault before taking more in.",
                    Map.of("drawerId", drawer.id(), "cashLimit", drawer.cashLimit().toPlainString()));
        }
        if (delta.isNegative() && drawer.expectedCash().plus(delta).isNegative()) {
            throw new Refusal(Refusal.Kind.RULES, "DRAWER_CASH_SHORT", "The drawer does not hold that much cash; buy from the vault first.",
                    Map.of("drawerId", drawer.id()));
        }
    }

    /**
     * For a reversal: the drawer whose cash account the original entry touched, locked, or empty.
     * Once that drawer is counted or closed, the reversal is refused: the drawer's day is settled
     * and reopening it would be a hand adjustment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Drawer> lockForReversal(List<LineDraft> originalLines) {
        Optional<String> code = originalLines.stream()
                .filter(Drawer::movesDrawerCash)
                .map(line -> line.account().id()).findFirst();
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Drawer drawer = em.createQuery("select d from Drawer d where d.glCode = :code", Drawer.class)
                .setParameter("code", code.get())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No drawer has GL account " + code.get()));
        if (drawer.state() != DrawerState.OPEN) {
            throw new Refusal(Refusal.Kind.CONFLICT, "DRAWER_CLOSED", "The cash of this entry went through a drawer that has been counted or closed;"
                    + " it can no longer be reversed.", Map.of("drawerId", drawer.id()));
        }
        return Optional.of(drawer);
    }

    /** What lines do to one GL cash account: debits bring cash in (positive), credits take it out. */
    public static Money cashDelta(List<LineDraft> lines, String glCode) {
        Money delta = Money.ZERO;
        for (LineDraft line : lines) {
            if (!line.account().isMember() && line.account().id().equals(glCode)) {
                delta = line.side() == Side.DEBIT ? delta.plus(line.amount()) : delta.minus(line.amount());
            }
        }
        return delta;
    }

    // ------------------------------------------------------------------ vault

    /**
     * Buys cash from the vault into the rep's drawer, counted by denomination: the vault must hold
     * it, and the drawer must stay within its cash limit.
     */
    @Transactional
    public Drawer buyFromVault(String rep, long drawerId, DenominationCount count) {
        Drawer drawer = ownDrawer(rep, drawerId);
        Money amount = positiveTotal(count);
        requireOpen(drawer);
        vault.reserve(amount);
        requireWithinLimit(drawer.expectedCash(), amount, drawer.cashLimit(), drawer.id());
        moves.append(DrawerMovement.Kind.VAULT_BUY, EntryType.VAULT_BUY, rep, "Drawer " + drawer.id() + " buys from the vault",
                drawer, amount, AccountRef.gl(GlAccounts.VAULT_CASH), count);
        return drawer;
    }

    /** Sells cash from the rep's drawer to the vault, counted by denomination. */
    @Transactional
    public Drawer sellToVault(String rep, long drawerId, DenominationCount count) {
        Drawer drawer = ownDrawer(rep, drawerId);
        Money amount = positiveTotal(count);
        refuseUnfundable(drawer, amount.negate());
        moves.append(DrawerMovement.Kind.VAULT_SELL, EntryType.VAULT_SELL, rep, "Drawer " + drawer.id() + " sells to the vault",
                drawer, amount.negate(), AccountRef.gl(GlAccounts.VAULT_CASH), count);
        return drawer;
    }

    // ------------------------------------------------------------------ finding drawers

    /** The drawer, locked, if it is the rep's; else 404 or 403 DRAWER_NOT_YOURS. */
    Drawer ownDrawer(String rep, long drawerId) {
        Drawer drawer = lock(drawerId);
        if (!drawer.owner().equals(rep)) {
            throw Refusal.forbidden("DRAWER_NOT_YOURS", "The drawer belongs to another rep; a drawer is run by its own rep only.");
        }
        return drawer;
    }

    /** The drawer, unlocked, for reading; else 404. */
    @Transactional
    public Drawer find(long drawerId) {
        Drawer drawer = em.find(Drawer.class, drawerId);
        if (drawer == null) {
            throw Refusal.notFound("DRAWER_NOT_FOUND", "No drawer has that id.");
        }
        return drawer;
    }

    Drawer lock(long drawerId) {
        return em.createQuery("select d from Drawer d where d.id = :id", Drawer.class)
                .setParameter("id", drawerId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> Refusal.notFound("DRAWER_NOT_FOUND", "No drawer has that id."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Drawer> drawerOf(String rep, LocalDate businessDate, boolean locked) {
        var query = em.createQuery("select d from Drawer d where d.owner = :owner and d.businessDate = :date", Drawer.class)
                .setParameter("owner", rep)
                .setParameter("date", businessDate);
        if (locked) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    static void requireOpen(Drawer drawer) {
        if (drawer.state() != DrawerState.OPEN) {
            throw new Refusal(Refusal.Kind.CONFLICT, "DRAWER_CLOSED", "The drawer has been counted for close and takes no more cash.",
                    Map.of("drawerId", drawer.id(), "state", drawer.state().name()));
        }
    }

    /**
     * Cash from the vault may not put a drawer above its cash limit (a member's cash in is taken up
     * to the limit and refused beyond it, {@link #admit(Drawer, Money)}: the vault can wait for a sale).
     */
    private static void requireWithinLimit(Money held, Money incoming, Money cashLimit, Long drawerId) {
        if (held.plus(incoming).isGreaterThan(cashLimit)) {
            throw new Refusal(Refusal.Kind.RULES, "DRAWER_OVER_LIMIT", "That much cash from the vault would put the drawer above its cash limit.",
                    drawerId == null ? Map.of("cashLimit", cashLimit.toPlainString())
                            : Map.of("drawerId", drawerId, "cashLimit", cashLimit.toPlainString()));
        }
    }

    static Money positiveTotal(DenominationCount count) {
        Money total = count.total();
        if (!total.isPositive()) {
            throw new Refusal(Refusal.Kind.INVALID, "COUNT_EMPTY", "Count at least one piece of cash.", Map.of("field", "count"));
        }
        if (total.isGreaterThan(Money.MAX_AMOUNT)) {
            throw new Refusal(Refusal.Kind.INVALID, "COUNT_INVALID", "The count adds up to more than any single move allows.", Map.of("field", "count"));
        }
        return total;
    }
}
