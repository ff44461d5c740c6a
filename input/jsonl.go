package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract"
)

// readJSONL reads one document per line of br, reporting bad lines.
func (r *Reader) readJSONL(path string, br *bufio.Reader, s *sink) error {
	if r.records.err != nil {
		return r.records.err
	}
	lines := lineReader{br: br, max: r.maxLine}
	for {
		line, err := lines.next()
		switch {
		case err == io.EOF:
			return nil
		case errors.Is(err, errLongLine):
			err = r.skipLine(&Error{Path: path, Line: lines.n, Err: err})
		case err != nil:
			return err
		default:
			err = r.readRecord(path, lines.n, line, s)
		}
		if err != nil {
			return err
		}
	}
}

// readRecord emits the document of line n, unless the line is blank, and
// reports the line when it is bad.
func (r *Reader) readRecord(path string, n int, line []byte, s *sink) error {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return nil
	}
	d, text, err := r.records.parse(line)
	if err != nil {
		return r.skipLine(&Error{Path: path, Line: n, Err: err})
	}
	if d.ID == "" {
		d.ID = fmt.Sprintf("%s:%d", path, n)
	}
	return s.text(d, text)
}

// The fields of a record, in the order of the struct types of records.
const (
	textField = iota
	idField
	titleField
	dateField
	urlField
	sourceField
)

// records decodes JSON Lines records into documents. It decodes them into
// struct types built for the field names, so that names are matched as
// encoding/json matches struct tags (case-insensitively) and other fields
// are skipped quickly.
type records struct {
	fast reflect.Type // string fields, with *string for the text
	raw  reflect.Type // json.RawMessage fields, for records with non-string values
	err  error        // why the field names cannot be used
}

func newRecords(f Fields) records {
	names := []string{textField: f.Text, idField: f.ID, titleField: f.Title,
		dateField: f.Date, urlField: f.URL, sourceField: f.Source}
	for i, name := range names {
		if !validName(name) {
			return records{err: fmt.Errorf("cannot read JSON field %q: names must be letters, digits and punctuation other than quotes, backslash and comma", name)}
		}
		if slices.ContainsFunc(names[:i], func(n string) bool { return strings.EqualFold(n, name) }) {
			return records{err: fmt.Errorf("cannot read JSON field %q into two document fields", name)}
		}
	}
	str, raw := reflect.TypeFor[string](), reflect.TypeFor[json.RawMessage]()
	return records{fast: structOf(names, reflect.TypeFor[*string](), str), raw: structOf(names, raw, raw)}
}

// validName tells whether name can be a JSON struct tag name (the rule of
// encoding/json).
func validName(name string) bool {
	if name == "" || name == "-" {
		return false
	}
	for _, c := range name {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

// structOf returns a struct type with a field per name, JSON-tagged with it,
// of type text for the text field and other for the rest.
func structOf(names []string, text, other reflect.Type) reflect.Type {
	fields := make([]reflect.StructField, len(names))
	for i, name := range names {
		t := other
		if i == textField {
			t = text
		}
		fields[i] = reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: t, Tag: reflect.StructTag("json:" + strconv.Quote(name))}
	}
	return reflect.StructOf(fields)
}

// parse decodes a JSON object into a document (without text or default ID)
// and its text.
func (rs records) parse(line []byte) (extract.Document, string, error) {
	if line[0] != '{' {
		return extract.Document{}, "", errors.New("not a JSON object")
	}
	v := reflect.New(rs.fast)
	err := json.Unmarshal(line, v.Interface())
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &typeErr):
		return rs.parseRaw(line)
	case err != nil:
		return extract.Document{}, "", fmt.Errorf("not a JSON object: %v", err)
	}
	e := v.Elem()
	text, _ := e.Field(textField).Interface().(*string)
	if text == nil {
		return extract.Document{}, "", rs.noText()
	}
	return document(func(i int) string { return e.Field(i).String() }), *text, nil
}

// parseRaw decodes a JSON object some of whose fields are not strings:
// numbers and booleans are taken as written; null, objects and arrays are
// ignored, except that the text must be a string.
func (rs records) parseRaw(line []byte) (extract.Document, string, error) {
	v := reflect.New(rs.raw)
	if err := json.Unmarshal(line, v.Interface()); err != nil {
		return extract.Document{}, "", fmt.Errorf("not a JSON object: %v", err)
	}
	e := v.Elem()
	field := func(i int) string { return scalar(e.Field(i).Bytes()) }
	if text := e.Field(textField).Bytes(); len(text) == 0 || text[0] != '"' {
		return extract.Document{}, "", rs.noText()
	}
	return document(field), field(textField), nil
}

func (rs records) noText() error {
	return fmt.Errorf("no %q string field", rs.fast.Field(textField).Tag.Get("json"))
}

// document returns a document with the metadata fields given by field.
func document(field func(i int) string) extract.Document {
	return extract.Document{ID: field(idField), Title: field(titleField),
		Date: field(dateField), URL: field(urlField), Source: field(sourceField)}
}

// scalar returns a JSON string's value, or a number's or boolean's literal;
// null, objects and arrays give "".
func scalar(raw []byte) string {
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		_ = json.Unmarshal(raw, &s) // raw is a valid string: the record parsed
		return s
	case '{', '[', 'n':
		return ""
	}
	return string(raw)
}

// errLongLine is the reason a too long JSON Lines record is skipped.
var errLongLine = errors.New("line too long")

// lineReader reads lines of any length up to max bytes, counting them.
type lineReader struct {
	br  *bufio.Reader
	max int
	buf []byte // holds a line longer than br's buffer
	n   int    // number of the line last read
}

// next returns the next line, valid until the following call. A line longer
// than max is read through and reported as errLongLine; at the end of input
// next returns io.EOF.
func (l *lineReader) next() ([]byte, error) {
	frag, err := l.br.ReadSlice('\n')
	if len(frag) > 0 || err != io.EOF {
		l.n++
	}
	if err == nil || (err == io.EOF && len(frag) > 0) {
		return frag, nil
	}
	if err != bufio.ErrBufferFull {
		return nil, err
	}
	l.buf = append(l.buf[:0], frag...)
	size := len(frag)
	for err == bufio.ErrBufferFull {
		frag, err = l.br.ReadSlice('\n')
		size += len(frag)
		if size <= l.max {
			l.buf = append(l.buf, frag...)
		}
	}
	switch {
	case err != nil && err != io.EOF:
		return nil, err
	case size > l.max:
		l.buf = nil
		return nil, fmt.Errorf("%w: more than %d bytes", errLongLine, l.max)
	}
	return l.buf, nil
}
