package io.jenkins.plugins.containerrollout.cli;

/**
 * One declared command-line option: a flag ({@code --push}), an option with a value ({@code --tag NAME:TAG}), or an
 * option refused with an explanation ({@code --password}: secrets on the command line leak into shell history and
 * {@code ps}).
 *
 * <p>Usage: {@code Option.value("--tag", "NAME:TAG", "image reference to tag").mandatory().multiple()}
 *
 * @param name        with the leading dashes
 * @param valueName   placeholder shown in help, or null for a flag
 * @param description one line of help, or for a refused option the reason it is refused
 * @param required    must be given
 * @param repeatable  may be given several times
 * @param refused     never accepted; giving it is a usage error with {@code description} as the reason
 */
public record Option(String name, String valueName, String description, boolean required, boolean repeatable, boolean refused) {

    /** A flag: present or not. */
    public static Option flag(String name, String description) {
        return new Option(name, null, description, false, false, false);
    }

    /** An option followed by a value ({@code --name value} or {@code --name=value}). */
    public static Option value(String name, String valueName, String description) {
        return new Option(name, valueName, description, false, false, false);
    }

    /** An option we deliberately do not accept, and the reason printed when someone tries it. */
    public static Option refused(String name, String reason) {
        return new Option(name, null, reason, false, false, true);
    }

    /** Must be given. */
    public Option mandatory() {
        return new Option(name, valueName, description, true, repeatable, refused);
    }

    /** May be given several times. */
    public Option multiple() {
        return new Option(name, valueName, description, required, true, refused);
    }

    boolean takesValue() {
        return valueName != null;
    }
}
