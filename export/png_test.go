package export

import (
	"bytes"
	"errors"
	"image/png"
	"testing"
)

func TestPNG(t *testing.T) {
	requireTool(t, "dot")
	out := render(t, fixture(), PNG, Options{Title: "Fixture"})
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 200 || b.Dy() < 200 {
		t.Errorf("PNG is only %dx%d", b.Dx(), b.Dy())
	}
}

func TestPNGWithoutGraphviz(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	err := Write(&bytes.Buffer{}, fixture(), PNG, Options{})
	if !errors.Is(err, errNoGraphviz) {
		t.Errorf("PNG without dot on PATH: %v, want %v", err, errNoGraphviz)
	}
}
