import Testing
@testable import JunctionSaver

/// ANSI escapes, carriage-return overwrites and progress bars are stripped; everything else is untouched.
@Suite struct NoiseTests {
    @Test func ansiEscapesGo() {
        #expect(Noise.strip("\u{1B}[1;31merror\u{1B}[0m: x\n") == "error: x\n")
        #expect(Noise.strip("\u{1B}]8;;http://x\u{07}link\u{1B}]8;;\u{07}") == "link")
        #expect(Noise.strip("\u{1B}(Bplain\u{1B}[K") == "plain")
    }

    @Test func carriageReturnsKeepWhatTheTerminalShows() {
        #expect(Noise.strip("10%\r50%\r100% done\nnext\n") == "100% done\nnext\n")
        #expect(Noise.strip("line one\r\nline two\r\n") == "line one\nline two\n")
        #expect(Noise.strip("written\r\n") == "written\n")
    }

    @Test func progressBarsGo() {
        let pip = "Collecting rich\n   ━━━━━━━━━━━━━━━━━━━━ 240.7/240.7 kB 1.1 MB/s eta 0:00:00\nInstalled\n"
        #expect(Noise.strip(pip) == "Collecting rich\nInstalled\n")
        let tqdm = " 45%|████▌     | 45/100 [00:01<00:02, 40.0it/s]\ndone\n"
        #expect(Noise.strip(tqdm) == "done\n")
        #expect(Noise.strip("[=========>          ] 45%\nok\n") == "ok\n")
        #expect(Noise.strip("######################################## 100.0%\nok\n") == "ok\n")
    }

    @Test func textWithoutNoiseIsTheSameString() {
        let text = "tests/test_x.py ..F. [ 40%]\n├── Sources\n│   └── a.swift\n100% of tests passed\n"
        #expect(Noise.strip(text) == text)
    }

    @Test func curlProgressFixture() {
        let f = Fixture.named("logs/curl-progress-cr")
        #expect(Noise.strip(f.text) == "downloaded 3 files\n")
    }
}
