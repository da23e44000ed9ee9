package dev.goldsmith;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void noArgumentsOpenTheWindow() {
        assertThat(Main.opensWindow(new String[0])).isTrue();
    }

    @Test
    void aVaultFileFromTheDesktopOpensTheWindow() {
        assertThat(Main.opensWindow(new String[] {"/home/ed/Downloads/Ada Lovelace.gsvault"})).isTrue();
        assertThat(Main.opensWindow(new String[] {"C:\\Users\\ed\\ADA.GSVAULT"})).isTrue();
    }

    @Test
    void commandsStayHeadless() {
        assertThat(Main.opensWindow(new String[] {"--version"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"vaults"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"import", "ada.gsvault"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"--db=x.gsvault"})).isFalse();
    }
}
