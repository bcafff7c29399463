package coop.tally.staff;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A rep's place in a team: the one supervisor the rep reports to. Changed only by {@link Teams}. */
@Entity
@Table(name = "team_membership")
@Access(AccessType.FIELD)
public class TeamMembership {

    @Id
    @Column(name = "rep")
    private String rep;

    @Column(name = "supervisor", nullable = false)
    private String supervisor;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(name = "set_by", nullable = false)
    private String setBy;

    protected TeamMembership() {
        // for JPA
    }

    TeamMembership(String rep, String supervisor, Instant setAt, String setBy) {
        this.rep = rep;
        this.supervisor = supervisor;
        this.setAt = setAt;
        this.setBy = setBy;
    }

    void moveTo(String newSupervisor, Instant at, String by) {
        this.supervisor = newSupervisor;
        this.setAt = at;
        this.setBy = by;
    }

    public String rep() {
        return rep;
    }

    public String supervisor() {
        return supervisor;
    }

    public Instant setAt() {
        return setAt;
    }

    public String setBy() {
        return setBy;
    }
}
