package coop.tally.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * HTTP at the edge only: resources, JAX-RS providers, servlet filters and the authentication
 * mechanism speak HTTP; everything below them answers in domain types (outcomes and
 * {@code Refusal}s) and never names a status, a request or a problem body.
 */
final class EdgeRules {

    /** Annotations that make a class part of the edge. */
    static final Set<String> EDGE_ANNOTATIONS = Set.of(
            "jakarta.ws.rs.Path", "jakarta.ws.rs.ApplicationPath", "jakarta.ws.rs.ext.Provider",
            "jakarta.servlet.annotation.WebFilter", "jakarta.servlet.annotation.WebServlet",
            "jakarta.servlet.annotation.WebListener");

    /** Interfaces that make a class part of the edge. */
    static final Set<String> EDGE_TYPES = Set.of(
            "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism");

    private EdgeRules() {
    }

    static List<String> httpBelowTheEdge(JavaClasses classes, String root) {
        List<String> violations = new ArrayList<>();
        for (JavaClass origin : classes) {
            if (!PackageRules.inside(origin.getPackageName(), root) || isEdge(origin, root)) {
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                if (isHttp(dependency.getTargetClass(), root)) {
                    violations.add(dependency.getDescription());
                }
            }
        }
        return violations;
    }

    /** Edge classes that hold an EntityManager: queries belong to the domain's repositories, not to a resource. */
    static List<String> persistenceAtTheEdge(JavaClasses classes, String root) {
        List<String> violations = new ArrayList<>();
        for (JavaClass origin : classes) {
            if (!PackageRules.inside(origin.getPackageName(), root) || !isEdge(origin, root)) {
                continue;
            }
            boolean usesEntityManager = origin.getDirectDependenciesFromSelf().stream()
                    .anyMatch(dependency -> dependency.getTargetClass().getName().equals("jakarta.persistence.EntityManager"));
            if (usesEntityManager) {
                violations.add(origin.getName() + " uses the EntityManager: its queries belong in a repository");
            }
        }
        return violations;
    }

    static boolean isHttp(JavaClass target, String root) {
        String name = target.getName();
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("jakarta.servlet.")
                || name.equals(root + ".web.Problems") || name.equals(root + ".web.RefusalMapper");
    }

    static boolean isEdge(JavaClass origin, String root) {
        JavaClass outermost = origin;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        if (outermost.getPackageName().equals(root + ".web")) {
            return true;
        }
        JavaClass edge = outermost;
        return EDGE_ANNOTATIONS.stream().anyMatch(edge::isAnnotatedWith)
                || edge.getAllRawInterfaces().stream().anyMatch(type -> EDGE_TYPES.contains(type.getName()));
    }
}
