package coop.tally.architecture;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A package queries only its own entities: another package's data is read through that package's
 * service, so that its rules (masking, locking, what counts as current) cannot be bypassed.
 * JPQL names entities inside strings, which the compiler cannot see; this reads the source.
 */
final class QueryRules {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern ENTITY_AFTER_KEYWORD = Pattern.compile("\\b(?i:from|join|update)\\s+([A-Z]\\w*)\\b");
    /** An entity class handed to the EntityManager: {@code em.find(Staff.class, ...)}, a typed query's result class. */
    private static final Pattern ENTITY_MANAGER_CLASS = Pattern.compile("\\bem\\s*\\.\\s*\\w+\\([^;]*?\\b([A-Z]\\w*)\\.class");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    private QueryRules() {
    }

    /** Entity name (as JPQL names it) to the package that owns it. */
    static Map<String, String> entityOwners(JavaClasses classes) {
        Map<String, String> owners = new HashMap<>();
        for (JavaClass type : classes) {
            type.tryGetAnnotationOfType("jakarta.persistence.Entity").ifPresent(entity -> {
                String name = entity.get("name").map(Object::toString).filter(n -> !n.isEmpty()).orElse(type.getSimpleName());
                owners.put(name, type.getPackageName());
            });
        }
        return owners;
    }

    /** Each JPQL string in {@code sources} that names an entity of another package. */
    static List<String> foreignEntityQueries(Path sources, Map<String, String> owners) {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> {
                String text = read(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) {
                    return;
                }
                String own = pkg.group(1);
                Matcher handed = ENTITY_MANAGER_CLASS.matcher(text);
                while (handed.find()) {
                    String owner = owners.get(handed.group(1));
                    if (owner != null && !owner.equals(own)) {
                        violations.add(sources.relativize(file) + " hands " + handed.group(1) + " of " + owner + " to its EntityManager");
                    }
                }
                Matcher literal = STRING_LITERAL.matcher(text);
                while (literal.find()) {
                    Matcher entity = ENTITY_AFTER_KEYWORD.matcher(literal.group(1));
                    while (entity.find()) {
                        String owner = owners.get(entity.group(1));
                        if (owner != null && !owner.equals(own)) {
                            violations.add(sources.relativize(file) + " queries " + entity.group(1) + " of " + owner);
                        }
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
