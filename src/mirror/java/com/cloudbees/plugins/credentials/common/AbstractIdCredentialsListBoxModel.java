package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.List;

public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
        C extends IdCredentials> extends ListBoxModel {
    public AbstractIdCredentialsListBoxModel() {
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException("compile-only mirror");
    }

    public AbstractIdCredentialsListBoxModel<T, C> include(Item context, Class<? extends C> type,
            List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("compile-only mirror");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        throw new UnsupportedOperationException("compile-only mirror");
    }
}
