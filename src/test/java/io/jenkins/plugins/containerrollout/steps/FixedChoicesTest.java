package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.junit.Test;
import org.jvnet.localizer.LocaleProvider;

/**
 * The fixed drop-down lists are filled for everybody, in the request's language. A list that asked for
 * {@code Item/Configure} came back empty on the global Pipeline Syntax page (there is no job there) and for users
 * who may only read a job; texts came in the JVM's language whatever the browser asked for.
 */
public class FixedChoicesTest {

    @Test
    public void theFixedListsTakeNoItemSoNoPermissionGatesThem() throws Exception {
        for (Method fill : List.of(RollingStrategy.DescriptorImpl.class.getMethod("doFillReplacementItems"),
                ContainerVerifyStep.DescriptorImpl.class.getMethod("doFillOnFailureItems"))) {
            assertEquals(fill.getName(), 0, fill.getParameterCount());
        }
    }

    @Test
    public void everyReactionAndPolicyIsOffered() {
        assertEquals(List.of("fail", "unstable", "rollback"), FixedChoices.onFailure().stream().map(FixedChoices.Choice::value).toList());
        assertEquals(2, FixedChoices.replacement().size());
        assertEquals("Fail the build", FixedChoices.onFailure().get(0).label());
    }

    @Test
    public void textsAreInTheLocaleAsked() {
        assertEquals("qq-fail", Messages.format(new Locale("qq"), "ContainerVerifyStep.onFailure.fail"));
        assertEquals("qq line 3: x", Messages.format(new Locale("qq"), "ContainerBuildStep.badTag", 3, "x"));
        // a key the translation lacks comes from the base texts
        assertEquals("Mark the build unstable", Messages.format(new Locale("qq"), "ContainerVerifyStep.onFailure.unstable"));
    }

    @Test
    public void aRequestWithoutATranslationGetsTheBaseTextsNotTheJvmLanguage() {
        Locale jvm = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("qq"));
            assertEquals("Fail the build", Messages.format(Locale.ENGLISH, "ContainerVerifyStep.onFailure.fail"));
            // outside Jenkins (localizer's default provider) the JVM's locale is all there is
            assertEquals("qq-fail", Messages.get("ContainerVerifyStep.onFailure.fail"));
        } finally {
            Locale.setDefault(jvm);
        }
    }

    /** Inside Jenkins, core's WebAppMain sets localizer's provider to the locale of the request being served. */
    @Test
    public void textsAreInTheLanguageOfTheRequestJenkinsServes() {
        LocaleProvider jenkins = LocaleProvider.getProvider();
        try {
            LocaleProvider.setProvider(new LocaleProvider() {
                @Override
                public Locale get() {
                    return new Locale("qq"); // the browser's Accept-Language, as Functions.getCurrentLocale() reads it
                }
            });
            assertEquals("qq-fail", Messages.get("ContainerVerifyStep.onFailure.fail"));
        } finally {
            LocaleProvider.setProvider(jenkins);
        }
    }
}
