package coop.tally.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules the architecture test holds Tally's packages to, written over any root package so that
 * the test can also show each rule failing on a small set of classes built to break it.
 */
final class PackageRules {

    static final String MAY_USE = "coop.tally.platform.MayUse";

    private PackageRules() {
    }

    /** Every dependency on another package of {@code root} that the origin's {@code @MayUse} does not list. */
    static List<String> undeclaredDependencies(JavaClasses classes, String root) {
        List<String> violations = new ArrayList<>();
        for (JavaClass origin : classes) {
            String from = origin.getPackageName();
            if (!inside(from, root) || origin.getSimpleName().equals("package-info")) {
                continue;
            }
            Set<String> allowed = mayUse(classes, from, root);
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String to = dependency.getTargetClass().getPackageName();
                if (inside(to, root) && !to.equals(from) && !allowed.contains(relative(to, root))) {
                    violations.add(relative(from, root) + " may not use " + relative(to, root) + ": " + dependency.getDescription());
                }
            }
        }
        return violations;
    }

    /** Packages with classes but without a {@code package-info.java} saying what they may use. */
    static List<String> undeclaredPackages(JavaClasses classes, String root) {
        Set<String> missing = new TreeSet<>();
        for (JavaClass origin : classes) {
            String name = origin.getPackageName();
            if (inside(name, root) && !name.equals(root) && declaration(classes, name).isEmpty()) {
                missing.add(relative(name, root));
            }
        }
        return new ArrayList<>(missing);
    }

    static Set<String> mayUse(JavaClasses classes, String packageName, String root) {
        Set<String> allowed = new LinkedHashSet<>();
        declaration(classes, packageName).flatMap(info -> info.get("value")).ifPresent(value -> {
            for (Object name : (Object[]) value) {
                allowed.add((String) name);
            }
        });
        return allowed;
    }

    private static Optional<JavaAnnotation<?>> declaration(JavaClasses classes, String packageName) {
        if (!classes.containPackage(packageName)) {
            return Optional.empty();
        }
        JavaPackage javaPackage = classes.getPackage(packageName);
        return javaPackage.tryGetPackageInfo()
                .flatMap(info -> info.getAnnotations().stream()
                        .filter(annotation -> annotation.getRawType().getName().equals(MAY_USE))
                        .findFirst());
    }

    static boolean inside(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    static String relative(String packageName, String root) {
        return packageName.equals(root) ? "(root)" : packageName.substring(root.length() + 1);
    }
}
