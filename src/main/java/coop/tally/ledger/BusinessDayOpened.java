package coop.tally.ledger;

import java.time.LocalDate;

/** Fired when ADMIN opens the next business day; observers that must run after the commit say so. */
public record BusinessDayOpened(LocalDate previousBusinessDate, LocalDate businessDate) {
}
