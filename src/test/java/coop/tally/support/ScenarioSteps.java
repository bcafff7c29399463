package coop.tally.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes each step of an ordered integration test (a class whose {@code @Test} methods carry
 * {@code @Order} and build on each other's state) runnable on its own.
 *
 * <p>Failsafe reruns only the methods that failed, and Arquillian gives the rerun a new server with
 * an empty database. A step that builds on earlier steps would then fail again for a different
 * reason (on the state, not on the defect), or pass on stale ids from the first server. So, for each
 * run of the class, this extension:
 * <ul>
 *   <li>forgets the class's static state (collections are emptied, other non-final static fields
 *       are set back to null, zero or false; constants, named in upper case, stay), because it
 *       belongs to the previous server;</li>
 *   <li>before a step, runs every earlier step that has not run yet on this server, with the class's
 *       {@code @BeforeEach} and {@code @AfterEach} methods around each.</li>
 * </ul>
 * In a full run every earlier step has already run, so this does nothing. Register it after
 * Arquillian's extension, so that the test instance is already enriched when a step is replayed.
 */
public final class ScenarioSteps implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ScenarioSteps.class);
    private static final String RAN = "steps that ran on this server";

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        context.getStore(NAMESPACE).put(RAN, new TreeSet<Integer>());
        forgetStaticState(context.getRequiredTestClass());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Set<Integer> ran = ran(context);
        int current = orderOf(context.getRequiredTestMethod());
        Object instance = context.getRequiredTestInstance();
        for (Method earlier : steps(context.getRequiredTestClass())) {
            int order = orderOf(earlier);
            if (order >= current || ran.contains(order)) {
                continue;
            }
            ran.add(order);
            replay(instance, earlier);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ran(context).add(orderOf(context.getRequiredTestMethod()));
    }

    private static void replay(Object instance, Method step) throws Exception {
        Class<?> type = instance.getClass();
        try {
            for (Method before : annotated(type, BeforeEach.class)) {
                invoke(instance, before);
            }
            invoke(instance, step);
        } finally {
            for (Method after : annotated(type, AfterEach.class)) {
                invoke(instance, after);
            }
        }
    }

    private static void invoke(Object instance, Method method) throws Exception {
        method.setAccessible(true);
        try {
            method.invoke(instance);
        } catch (InvocationTargetException failed) {
            Throwable cause = failed.getCause();
            throw new AssertionError("Earlier step " + method.getName() + " failed while preparing this one", cause);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Integer> ran(ExtensionContext context) {
        return (Set<Integer>) context.getParent().orElseThrow().getStore(NAMESPACE).get(RAN);
    }

    private static List<Method> steps(Class<?> type) {
        List<Method> steps = new ArrayList<>(annotated(type, Test.class));
        steps.removeIf(method -> !method.isAnnotationPresent(Order.class));
        steps.sort(Comparator.comparingInt(ScenarioSteps::orderOf));
        return steps;
    }

    private static int orderOf(Method method) {
        Order order = method.getAnnotation(Order.class);
        return order == null ? Order.DEFAULT : order.value();
    }

    private static List<Method> annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
        List<Method> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(annotation)).forEach(found::add);
        }
        return found;
    }

    private static void forgetStaticState(Class<?> type) throws IllegalAccessException {
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            boolean constant = Modifier.isFinal(modifiers) && field.getName().matches("[A-Z0-9_]+");
            if (!Modifier.isStatic(modifiers) || field.isSynthetic() || constant) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.get(null);
            if (value instanceof Collection<?> collection) {
                collection.clear();
            } else if (value instanceof Map<?, ?> map) {
                map.clear();
            } else if (!Modifier.isFinal(modifiers)) {
                field.set(null, defaultOf(field.getType()));
            }
        }
    }

    /** The value a field of this type has before anything is assigned to it. */
    private static Object defaultOf(Class<?> type) {
        // an array's single element starts at the type's default, boxed as the type's own wrapper
        return type.isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0) : null;
    }
}
