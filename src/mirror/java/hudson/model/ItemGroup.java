package hudson.model;

import java.io.File;
import java.io.IOException;
import java.util.Collection;

public interface ItemGroup<T extends Item> {
    String getFullName();

    String getFullDisplayName();

    String getDisplayName();

    Collection<T> getItems();

    String getUrl();

    String getUrlChildPrefix();

    T getItem(String name);

    File getRootDir();

    File getRootDirFor(T child);

    void onDeleted(T item) throws IOException;

    void save() throws IOException;
}
