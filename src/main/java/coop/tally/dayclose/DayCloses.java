package coop.tally.dayclose;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

/** The closed days and their stored reports: appended once, read back exactly as stored. */
@ApplicationScoped
public class DayCloses {

    /** Characters per stored part (the column is VARCHAR(8000)). */
    static final int PART = 8000;

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    /** A closed day with its report text. */
    public record Stored(DayClose close, String report) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DayClose store(LocalDate businessDate, LocalDate next, Instant closedAt, String closedBy, int holdsReleased,
                          String report) {
        DayClose close = new DayClose(businessDate, next, closedAt, closedBy, holdsReleased, sha256(report));
        em.persist(close);
        em.flush();
        int part = 0;
        int start = 0;
        while (start < report.length()) {
            int end = Math.min(report.length(), start + PART);
            // never split a surrogate pair between two parts
            if (end < report.length() && Character.isHighSurrogate(report.charAt(end - 1))) {
                end--;
            }
            em.persist(new DayReportPart(businessDate, part++, report.substring(start, end)));
            start = end;
        }
        em.flush();
        return close;
    }

    @Transactional
    public Optional<Stored> find(LocalDate businessDate) {
        DayClose close = em.find(DayClose.class, businessDate);
        if (close == null) {
            return Optional.empty();
        }
        StringBuilder report = new StringBuilder();
        em.createQuery("select p from DayReportPart p where p.businessDate = :date order by p.partNo", DayReportPart.class)
                .setParameter("date", businessDate).getResultList()
                .forEach(part -> report.append(part.content()));
        String text = report.toString();
        if (!sha256(text).equals(close.reportSha256())) {
            throw new IllegalStateException("The stored report of " + businessDate + " does not match its SHA-256");
        }
        return Optional.of(new Stored(close, text));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
