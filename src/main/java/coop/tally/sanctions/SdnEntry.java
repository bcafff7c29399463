package coop.tally.sanctions;

import java.util.Objects;

/**
 * One row of the SDN list: its entry number, the name as Treasury writes it ("LASTNAME, Firstname"
 * for individuals), the kind of entry ("individual", "vessel", "aircraft", or empty for an entity)
 * and the sanctions program. Other columns are not needed to screen a name.
 */
public record SdnEntry(long entNum, String name, String type, String program) {

    public SdnEntry {
        Objects.requireNonNull(name, "name");
        type = type == null ? "" : type;
        program = program == null ? "" : program;
    }
}
