package io.stui.protocol.result;

import java.util.List;

/**
 * A class and its subclasses, as far down as asked.
 *
 * @param name       the class's name
 * @param subclasses its direct subclasses, each with theirs; empty below the depth asked for
 */
public record ClassNode(String name, List<ClassNode> subclasses) {}
