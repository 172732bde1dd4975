package corpusgen

import "strings"

// spellingGroups lists spellings of one name that English-language outlets
// use interchangeably (transliterations and romanisations). Each line is one
// group; any member may stand for any other.
var spellingGroups = `Mohammed Mohamed Muhammad Mohammad
Ahmed Ahmad
Khaled Khalid
Hussein Husain Hussain
Youssef Yousef Yusuf
Omar Umar
Mahmoud Mahmud
Hassan Hasan
Abdulrahman Abdelrahman Abdul-Rahman
Abdullah Abdallah
Saeed Said Sayed
Mustafa Mostafa
Osama Usama
Walid Waleed
Tariq Tarek Tareq
Yasser Yasir
Hisham Hesham
Jamal Gamal
Fouad Fuad
Magdy Magdi
Hany Hani
Khalifa Khalifah
Jassim Jasim Qassim
Abdulaziz Abdelaziz Abdul-Aziz
Fatima Fatma Fatemeh
Aisha Aicha Ayesha
Layla Leila Laila
Nour Noor
Mariam Maryam
Zeinab Zainab Zaynab
Kamel Kamal
Haniyeh Haniya Haniyah
Shoukry Shukri
Qasim Kassem Qassem
el-Sayed El-Sayed Elsayed
Abdel-Fattah Abdelfattah
Yassin Yassine Yasin
Suleiman Sulaiman Soliman
Salameh Salama
Khoury Khouri
Sabry Sabri
Hijazi Hegazy
Fahmy Fahmi
Helmy Helmi
Lotfy Lotfi
Zaghloul Zaghlul
Al-Mazrouei Al-Mazroui
Al-Khulaifi Al-Khulaify
Al-Dosari Al-Dossary
Al-Busaidi Al-Busaidy
Zelensky Zelenskyy Zelenskiy
Kovalsky Kovalskyi
Kamensky Kamenskyi
Zhukovsky Zhukovskyi
Sergei Sergey Serhiy
Dmitri Dmitry Dmytro
Aleksandr Alexander Oleksandr
Yuri Yury Yuriy
Andrei Andrey Andriy
Mikhail Mykhailo
Yevgeny Evgeny Yevhen
Alexei Alexey Oleksiy
Nikolai Nikolay Mykola
Vitaliy Vitali Vitaly
Anatoly Anatoliy
Grigory Grigori Hryhoriy
Valery Valeriy
Arseniy Arseny
Natalia Natalya Nataliya
Tatiana Tatyana
Yulia Yuliya
Iryna Irina
Olena Elena Yelena
Ekaterina Yekaterina Kateryna
Daria Darya
Ksenia Kseniya
Soloviev Solovyov
Vasiliev Vasilyev
Zaitsev Zaytsev
Belyaev Belyayev
Kiselev Kiselyov
Fedorov Fyodorov
Melnyk Melnik
Oliynyk Oleinik
Hrytsenko Gritsenko
Honcharenko Goncharenko
Yitzhak Yitzchak Itzhak
Chaim Haim
Moshe Moishe
Yaakov Yaacov
Tzachi Tsachi
Tzipi Tsipi
Tzvi Zvi
Zeev Ze'ev
Shapira Shapiro
Ashkenazi Ashkenazy
Ben-David Bendavid
Azoulay Azulai
Yannis Giannis Ioannis
Giorgos Yorgos Georgios
Dimitris Dimitrios
Kostas Costas
Economou Oikonomou
Papadopoulos Papadopulos
Lee Yi Rhee
Park Pak
Choi Choe
Jung Chung Jeong
Cho Jo
Yoon Yun
Lim Im
Kang Gang
Shin Sin
Kwon Gwon
Sato Satō
Ito Itō
Kato Katō
Goto Gotō
Ota Ōta
Kondo Kondō
Endo Endō
Saito Saitō
Hosseini Husseini Hosseyni
Rezaei Rezaee Rezai
Mousavi Musavi Moussavi
Mohammadi Mohamadi
Hashemi Hashimi
Esmaeil Ismail
Ebrahim Ibrahim
Tesfaye Tesfay
Okonkwo Okonkow
Nguyen Nguyễn
Tran Trần`

// nicknames maps a formal given name (first on each line) to the familiar
// forms reporters use for it.
var nicknames = `William Bill Will Billy
Robert Bob Rob Bobby
Michael Mike Mick
Anthony Tony
Antony Tony
Richard Rick Dick Richie
James Jim Jimmy Jamie
Thomas Tom Tommy
Joseph Joe Joey
Edward Ed Ted Eddie
Charles Charlie Chuck
Daniel Dan Danny
Christopher Chris
Benjamin Ben Bibi
Matthew Matt
Nicholas Nick
Patrick Pat Paddy
Stephen Steve
Steven Steve
Jonathan Jon
Samuel Sam
Alexander Alex Sasha
Andrew Andy Drew
Peter Pete
Gregory Greg
Timothy Tim
Douglas Doug
Kenneth Ken Kenny
Ronald Ron Ronnie
Donald Don
Lawrence Larry
Gerald Gerry
Raymond Ray
Frederick Fred Freddie
Elizabeth Liz Beth Betsy
Katherine Kate Kathy Katie
Catherine Cathy Kate
Margaret Maggie Meg Peggy
Jennifer Jen Jenny
Rebecca Becky Becca
Susan Sue Susie
Victoria Vicky Tori
Patricia Pat Trish
Deborah Debbie Deb
Abigail Abby
Jacqueline Jackie
Samantha Sam
Christine Chris
Kimberly Kim
Pamela Pam
Judith Judy
Penelope Penny
Harriet Hattie
Alexandra Alex Sasha
Aleksandr Sasha
Dmitri Dima
Yevgeny Zhenya
Vladimir Volodya
Mikhail Misha
Ekaterina Katya
Natalia Natasha
Francisco Paco Pancho
José Pepe
Ignacio Nacho
Guillermo Memo
Giuseppe Beppe
Johannes Hannes
Friedrich Fritz
Maximilian Max
Konstantin Kostya
Konstantinos Kostas
Panagiotis Panos
Theodoros Theo
Chukwuemeka Emeka
Oluwaseun Seun
Babajide Jide
Yaakov Kobi
Yitzhak Itzik`

// asciiFold maps letters with diacritics to the plain letters many outlets
// print instead; German umlauts become two letters.
func asciiFold(s string, german bool) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	for _, r := range s {
		switch r {
		case 'á', 'à', 'â', 'ã', 'å', 'ą', 'ā':
			b.WriteByte('a')
		case 'ä':
			if german {
				b.WriteString("ae")
			} else {
				b.WriteByte('a')
			}
		case 'Á', 'À', 'Â', 'Ã', 'Ā':
			b.WriteByte('A')
		case 'Ä':
			if german {
				b.WriteString("Ae")
			} else {
				b.WriteByte('A')
			}
		case 'é', 'è', 'ê', 'ë', 'ę', 'ě', 'ễ':
			b.WriteByte('e')
		case 'É', 'È', 'Ê':
			b.WriteByte('E')
		case 'í', 'ì', 'î', 'ï', 'ı':
			b.WriteByte('i')
		case 'Í', 'İ':
			b.WriteByte('I')
		case 'ó', 'ò', 'ô', 'õ', 'ø', 'ō', 'ő':
			b.WriteByte('o')
		case 'ö':
			if german {
				b.WriteString("oe")
			} else {
				b.WriteByte('o')
			}
		case 'Ó', 'Ø', 'Ō':
			b.WriteByte('O')
		case 'Ö':
			if german {
				b.WriteString("Oe")
			} else {
				b.WriteByte('O')
			}
		case 'ú', 'ù', 'û', 'ū', 'ů':
			b.WriteByte('u')
		case 'ü':
			if german {
				b.WriteString("ue")
			} else {
				b.WriteByte('u')
			}
		case 'Ú', 'Ü':
			if german && r == 'Ü' {
				b.WriteString("Ue")
			} else {
				b.WriteByte('U')
			}
		case 'ß':
			b.WriteString("ss")
		case 'ç', 'č', 'ć':
			b.WriteByte('c')
		case 'Ç', 'Č', 'Ć':
			b.WriteByte('C')
		case 'ñ', 'ń':
			b.WriteByte('n')
		case 'ś', 'š', 'ş':
			b.WriteByte('s')
		case 'Ś', 'Š', 'Ş':
			b.WriteByte('S')
		case 'ž', 'ź', 'ż':
			b.WriteByte('z')
		case 'Ž', 'Ź', 'Ż':
			b.WriteByte('Z')
		case 'ř':
			b.WriteByte('r')
		case 'Ř':
			b.WriteByte('R')
		case 'ł':
			b.WriteByte('l')
		case 'Ł':
			b.WriteByte('L')
		case 'ý':
			b.WriteByte('y')
		case 'ğ':
			b.WriteByte('g')
		case 'đ':
			b.WriteString("dj")
		case 'Đ':
			b.WriteString("Dj")
		case 'ầ':
			b.WriteByte('a')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// groupTable turns a line-per-group table into a lookup from each member to
// the others (symmetric) or from the first member to the rest.
func groupTable(src string, symmetric bool) map[string][]string {
	m := make(map[string][]string)
	for _, line := range strings.Split(src, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		if !symmetric {
			m[f[0]] = append(m[f[0]], f[1:]...)
			continue
		}
		for i, a := range f {
			for j, b := range f {
				if i != j {
					m[a] = append(m[a], b)
				}
			}
		}
	}
	return m
}
