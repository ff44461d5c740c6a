package extract

// Modalities a triple can carry (see RELATIONS.md).
const (
	Asserted     = "asserted"
	Planned      = "planned"
	Hypothetical = "hypothetical"
	Negated      = "negated"
)

// Modalities lists every modality in a fixed order.
var Modalities = []string{Asserted, Planned, Hypothetical, Negated}

// Actor types.
const (
	Person       = "person"
	Country      = "country"
	Organization = "organization"
	Group        = "group"
	Place        = "place"
	Topic        = "topic"
)

// ActorTypes lists every actor type in a fixed order.
var ActorTypes = []string{Person, Country, Organization, Group, Place, Topic}

// Relations lists every relation label of RELATIONS.md in its order.
var Relations = []string{
	"spoke-with", "met-with", "visited", "hosted", "agreed-with",
	"cooperates-with", "supports", "praised", "proposed", "urged",
	"demanded", "warned", "threatened", "accused", "criticized", "denies",
	"rejected", "sanctioned", "attacked", "invaded", "deployed-to", "armed",
	"aided", "recognized", "withdrew-from", "leader-of", "official-of",
	"member-of",
}

var symmetric = map[string]bool{
	"spoke-with": true, "met-with": true, "agreed-with": true, "cooperates-with": true,
}

// IsSymmetric reports whether a relation is the same edge whichever way
// round it is written (spoke-with, met-with, agreed-with, cooperates-with).
func IsSymmetric(relation string) bool { return symmetric[relation] }

// IsRelation reports whether label is one of the fixed relation labels.
func IsRelation(label string) bool {
	for _, r := range Relations {
		if r == label {
			return true
		}
	}
	return false
}

// IsModality reports whether m is one of the four modalities.
func IsModality(m string) bool {
	for _, x := range Modalities {
		if x == m {
			return true
		}
	}
	return false
}
