package io.stui.protocol.result;

import java.util.List;

/**
 * The workspace part of a restored session.
 *
 * @param variables names of the workspace variables bound in the session
 */
public record WorkspaceContext(List<String> variables) {}
